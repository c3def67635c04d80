"""The built-in organisation kinds, indicators and forms of the coordination programme."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    unit: str
    value_type: str = "integer"
    aggregation: str = "sum"
    part_of: str | None = None
    formula: str = ""
    pad: bool = False
    keywords: tuple[str, ...] = ()


I = IndicatorSpec  # noqa: E741 - a table reads better with a short name

INDICATORS: list[IndicatorSpec] = [
    # Information work, reported by every organisation at every level.
    I(
        "tt_duong_loi_cuoc",
        "Tuyên truyền đường lối, chủ trương, chính sách, pháp luật: số cuộc",
        "cuộc",
        keywords=("tuyên truyền", "đường lối", "chủ trương", "ngày lễ", "dự nghe"),
    ),
    I(
        "tt_duong_loi_luot",
        "Tuyên truyền đường lối, chủ trương, chính sách, pháp luật: số lượt người",
        "lượt người",
        keywords=("lượt", "dự nghe", "tham dự", "đường lối"),
    ),
    I(
        "tt_qp_cuoc",
        "Tuyên truyền Luật NVQS, DQTV, DBĐV, truyền thống: số cuộc",
        "cuộc",
        keywords=("nghĩa vụ quân sự", "NVQS", "DQTV", "DBĐV", "tuyển quân", "nhập ngũ"),
    ),
    I(
        "tt_qp_luot",
        "Tuyên truyền Luật NVQS, DQTV, DBĐV, truyền thống: số lượt người",
        "lượt người",
        keywords=("lượt", "NVQS", "nghĩa vụ quân sự"),
    ),
    I(
        "tt_qp_thanh_nien",
        "trong đó: thanh niên trong độ tuổi",
        "thanh niên",
        part_of="tt_qp_luot",
        keywords=("thanh niên trong độ tuổi",),
    ),
    I(
        "tt_qp_ty_le_thanh_nien",
        "Tỷ lệ thanh niên trong độ tuổi trong số người dự tuyên truyền",
        "%",
        value_type="percent",
        aggregation="none",
        formula="tt_qp_thanh_nien / tt_qp_luot * 100",
    ),
    I(
        "tt_an_ninh_cuoc",
        "Tuyên truyền bảo vệ an ninh Tổ quốc, ANCT-TTATXH: số cuộc",
        "cuộc",
        keywords=("an ninh", "ANCT", "TTATXH", "tệ nạn"),
    ),
    I(
        "tt_an_ninh_luot",
        "Tuyên truyền bảo vệ an ninh Tổ quốc, ANCT-TTATXH: số lượt người",
        "lượt người",
        keywords=("lượt", "an ninh"),
    ),
    I(
        "tt_phong_trao_cuoc",
        "Tuyên truyền các cuộc vận động, phong trào, nông thôn mới: số cuộc",
        "cuộc",
        pad=True,
        keywords=("cuộc vận động", "phong trào", "nông thôn mới"),
    ),
    I(
        "tt_phong_trao_luot",
        "Tuyên truyền các cuộc vận động, phong trào, nông thôn mới: số lượt",
        "lượt người",
        keywords=("lượt", "phong trào", "nông thôn mới"),
    ),
    I("tt_bang_ron", "Băng rôn, khẩu hiệu đã treo", "băng rôn", keywords=("băng rôn",)),
    I(
        "tt_kinh_phi",
        "Kinh phí chi cho công tác tuyên truyền",
        "đồng",
        value_type="money",
        keywords=("kinh phí", "tuyên truyền"),
    ),
    # Defence and security (Ban CHQS).
    I(
        "dqtv_ty_le_dan_so",
        "Lực lượng DQTV so với dân số",
        "%",
        value_type="percent",
        aggregation="none",
        keywords=("DQTV", "so với dân số"),
    ),
    I(
        "dbdv_ty_le_bien_che",
        "Lực lượng DBĐV biên chế vào các đơn vị",
        "%",
        value_type="percent",
        aggregation="none",
        keywords=("DBĐV", "biên chế"),
    ),
    I(
        "dqtv_ty_le_dang_vien",
        "Tỷ lệ đảng viên trong DQTV",
        "%",
        value_type="percent",
        aggregation="none",
        keywords=("đảng viên", "DQTV"),
    ),
    I(
        "dq_ty_le_dang_vien",
        "Tỷ lệ đảng viên trong Dân quân",
        "%",
        value_type="percent",
        aggregation="none",
        keywords=("đảng viên", "DQ"),
    ),
    I(
        "tv_ty_le_dang_vien",
        "Tỷ lệ đảng viên trong Tự vệ",
        "%",
        value_type="percent",
        aggregation="none",
        keywords=("đảng viên", "Tự vệ"),
    ),
    I(
        "dbdv_ty_le_dang_vien",
        "Tỷ lệ đảng viên trong lực lượng DBĐV đã xếp vào đơn vị",
        "%",
        value_type="percent",
        aggregation="none",
        keywords=("đảng viên", "DBĐV"),
    ),
    I(
        "nhap_ngu_tinh_nguyen",
        "Thanh niên tình nguyện lên đường nhập ngũ",
        "thanh niên",
        keywords=("tình nguyện", "nhập ngũ"),
    ),
    I(
        "nhap_ngu_lau_dai",
        "trong đó: tình nguyện phục vụ lâu dài trong Quân đội",
        "trường hợp",
        part_of="nhap_ngu_tinh_nguyen",
        pad=True,
        keywords=("phục vụ lâu dài",),
    ),
    I(
        "tuyen_duong_thanh_nien",
        "Thanh niên lên đường nhập ngũ được tuyên dương",
        "thanh niên",
        keywords=("tuyên dương", "lên đường"),
    ),
    I(
        "nvqs_ty_le_dang_ky",
        "Con em trong độ tuổi đăng ký và thực hiện NVQS",
        "%",
        value_type="percent",
        aggregation="none",
        keywords=("đăng ký", "nghĩa vụ quân sự"),
    ),
    # Mass mobilisation by the militia in the communes (Tết campaign).
    I(
        "dan_van_ngay_cong",
        "Ngày công dân vận (phát quang, dọn vệ sinh...)",
        "ngày công",
        keywords=("ngày công", "phát quang", "quét dọn"),
    ),
    I(
        "dan_van_ngay_cong_dq",
        "trong đó: ngày công của lực lượng dân quân",
        "ngày công",
        part_of="dan_van_ngay_cong",
        keywords=("LLDQ", "dân quân"),
    ),
    I(
        "dan_van_qua_so",
        "Quà tặng gia đình chính sách, hộ nghèo",
        "phần quà",
        keywords=("phần quà", "gia đình chính sách", "hộ nghèo"),
    ),
    I(
        "dan_van_qua_moi_phan",
        "Trị giá mỗi phần quà tặng gia đình chính sách, hộ nghèo",
        "đồng",
        value_type="money",
        aggregation="average",
        keywords=("mỗi phần", "trị giá"),
    ),
    I(
        "dtts_qua_gia_dinh",
        "Gia đình đồng bào dân tộc nghèo được tặng quà",
        "gia đình",
        keywords=("đồng bào dân tộc", "gia đình"),
    ),
    I(
        "dtts_qua_moi_phan",
        "Trị giá mỗi phần quà tặng gia đình đồng bào dân tộc",
        "đồng",
        value_type="money",
        aggregation="average",
        keywords=("mỗi phần", "trị giá"),
    ),
    I(
        "cs_qua_gia_dinh",
        "Gia đình chính sách được tặng quà",
        "gia đình",
        keywords=("gia đình chính sách", "tặng quà"),
    ),
    I(
        "cs_qua_gia_tri",
        "Tổng trị giá quà tặng gia đình chính sách",
        "đồng",
        value_type="money",
        keywords=("gia đình chính sách", "trị giá"),
    ),
    I(
        "cs_qua_binh_quan",
        "Bình quân mỗi phần quà tặng gia đình chính sách",
        "đồng",
        value_type="money",
        aggregation="average",
        keywords=("bình quân",),
    ),
    I("dqtt_qua_so", "Quà tặng dân quân thường trực", "phần quà", keywords=("DQTT", "phần quà")),
    I(
        "dqtt_qua_moi_phan",
        "Trị giá mỗi phần quà tặng dân quân thường trực",
        "đồng",
        value_type="money",
        aggregation="average",
        keywords=("mỗi phần", "DQTT"),
    ),
    I(
        "dqtt_qua_gia_tri",
        "Tổng trị giá quà tặng dân quân thường trực",
        "đồng",
        value_type="money",
        keywords=("DQTT", "trị giá"),
    ),
    # Red Cross.
    I(
        "tet_qua_so",
        "Quà chăm lo Tết cho người nghèo",
        "phần quà",
        keywords=("chăm lo tết", "người nghèo", "phần quà"),
    ),
    I(
        "tet_qua_gia_tri",
        "Trị giá quà chăm lo Tết cho người nghèo",
        "đồng",
        value_type="money",
        keywords=("chăm lo tết", "trị giá"),
    ),
    I(
        "ngheo_doi_tuong",
        "Đối tượng nghèo đặc biệt khó khăn được giúp đỡ",
        "đối tượng",
        keywords=("đối tượng nghèo", "khó khăn"),
    ),
    I(
        "ngheo_so_tien",
        "Số tiền giúp đối tượng nghèo đặc biệt khó khăn",
        "đồng",
        value_type="money",
        keywords=("đối tượng nghèo", "tổng số tiền"),
    ),
    I(
        "nha_ctd_so",
        "Nhà Chữ thập đỏ được trao",
        "căn nhà",
        pad=True,
        keywords=("nhà chữ thập đỏ", "căn nhà"),
    ),
    I(
        "nha_ctd_gia_tri",
        "Trị giá nhà Chữ thập đỏ",
        "đồng",
        value_type="money",
        keywords=("nhà chữ thập đỏ",),
    ),
    I(
        "om_dau_so_tien",
        "Thăm hỏi ốm đau, ma chay",
        "đồng",
        value_type="money",
        keywords=("ốm đau", "ma chay"),
    ),
    I("hoc_bong_so", "Suất học bổng cho học sinh nghèo", "suất", keywords=("học bổng",)),
    I(
        "hoc_bong_gia_tri",
        "Trị giá học bổng cho học sinh nghèo",
        "đồng",
        value_type="money",
        keywords=("học bổng",),
    ),
    I("bep_com_so", "Bếp cơm tình thương", "bếp", keywords=("bếp cơm",)),
    I(
        "bep_com_gia_tri",
        "Kinh phí bếp cơm tình thương",
        "đồng",
        value_type="money",
        keywords=("bếp cơm",),
    ),
    I("so_cuu_ca", "Ca được sơ cứu an toàn", "ca", keywords=("sơ cứu", "ca")),
    I(
        "so_cuu_tngt",
        "trong đó: tai nạn giao thông",
        "ca",
        part_of="so_cuu_ca",
        keywords=("tai nạn giao thông",),
    ),
    I(
        "so_cuu_khac",
        "trong đó: tai nạn khác",
        "người",
        part_of="so_cuu_ca",
        keywords=("tai nạn khác",),
    ),
    I(
        "so_cuu_kinh_phi",
        "Kinh phí chi cho công tác sơ cấp cứu",
        "đồng",
        value_type="money",
        keywords=("sơ cứu", "tổng số tiền"),
    ),
    I("hien_mau_dot", "Đợt hiến máu tình nguyện", "đợt", pad=True, keywords=("hiến máu", "đợt")),
    I("hien_mau_don_vi", "Đơn vị máu tiếp nhận", "đơn vị máu", keywords=("đơn vị máu",)),
    # Farmers' union.
    I(
        "covid_to_roi",
        "Tờ rơi phòng chống dịch Covid-19 đã phát",
        "tờ rơi",
        keywords=("tờ rơi", "Covid"),
    ),
    I(
        "covid_to_phan_ung",
        "Tổ phản ứng nhanh phòng chống dịch",
        "tổ",
        keywords=("tổ phản ứng nhanh",),
    ),
    I(
        "covid_to_nguoi",
        "Số người mỗi tổ phản ứng nhanh",
        "người",
        aggregation="average",
        pad=True,
        keywords=("mỗi tổ",),
    ),
    I(
        "covid_ho_khai_bao",
        "Hộ có người từ nơi khác về được vận động khai báo y tế",
        "hộ",
        keywords=("hộ gia đình", "khai báo y tế"),
    ),
    I(
        "covid_ung_ho",
        "Ủng hộ phòng chống dịch Covid-19",
        "đồng",
        value_type="money",
        keywords=("ủng hộ", "Covid"),
    ),
    I(
        "covid_chot_so",
        "Chốt kiểm dịch được thăm, tặng nhu yếu phẩm",
        "chốt",
        pad=True,
        keywords=("chốt kiểm dịch",),
    ),
    I(
        "covid_chot_gia_tri",
        "trong đó: thăm, tặng nhu yếu phẩm cho chốt kiểm dịch",
        "đồng",
        value_type="money",
        part_of="covid_ung_ho",
        keywords=("chốt kiểm dịch", "nhu yếu phẩm"),
    ),
    # Women's union.
    I("tan_binh_qua_so", "Quà tặng tân binh", "phần quà", keywords=("tân binh", "phần quà")),
    I(
        "tan_binh_qua_gia_tri",
        "Trị giá quà tặng tân binh",
        "đồng",
        value_type="money",
        keywords=("tân binh", "trị giá"),
    ),
    I("don_vi_qua_so", "Quà tặng đơn vị bộ đội", "phần quà", keywords=("phần quà", "trung đội")),
    I(
        "don_vi_qua_gia_tri",
        "Trị giá quà tặng đơn vị bộ đội",
        "đồng",
        value_type="money",
        keywords=("trị giá",),
    ),
    I(
        "bien_phong_don",
        "Đồn biên phòng được thăm, ủng hộ",
        "đồn",
        pad=True,
        keywords=("đồn biên phòng",),
    ),
    I(
        "bien_phong_gia_tri",
        "Ủng hộ các đồn biên phòng",
        "đồng",
        value_type="money",
        keywords=("đồn biên phòng",),
    ),
]


@dataclass(frozen=True)
class SectionSpec:
    code: str
    heading: str
    indicators: tuple[str, ...] = ()
    has_narrative: bool = True
    hint: str = ""


@dataclass(frozen=True)
class FormSpec:
    code: str
    name: str
    kinds: tuple[str, ...]
    levels: tuple[int, ...]
    sections: tuple[SectionSpec, ...]
    period_type: str = "half"
    convention: str = "cutoff15"
    deadline_days: int = 5
    grace_days: int = 10
    extra: dict = field(default_factory=dict)


S = SectionSpec
TT_GENERAL = ("tt_duong_loi_cuoc", "tt_duong_loi_luot")
TT_QP = ("tt_qp_cuoc", "tt_qp_luot", "tt_qp_thanh_nien", "tt_qp_ty_le_thanh_nien")

FORMS: list[FormSpec] = [
    FormSpec(
        "huyen_chqs",
        "Báo cáo phối hợp hoạt động của Ban CHQS cấp huyện",
        kinds=("chqs",),
        levels=(2,),
        sections=(
            S("lanh_dao", "Công tác lãnh đạo, chỉ đạo"),
            S("thong_tin", "Phối hợp tuyên truyền, vận động nhân dân"),
            S(
                "quoc_phong",
                "Phối hợp thực hiện nhiệm vụ quốc phòng - an ninh",
                (
                    "dqtv_ty_le_dan_so",
                    "dbdv_ty_le_bien_che",
                    "dqtv_ty_le_dang_vien",
                    "dq_ty_le_dang_vien",
                    "tv_ty_le_dang_vien",
                    "dbdv_ty_le_dang_vien",
                ),
            ),
            S(
                "phoi_hop",
                "Kết quả phối hợp của Ban CHQS",
                (*TT_QP, "nhap_ngu_tinh_nguyen", "nhap_ngu_lau_dai"),
            ),
            S(
                "dan_van",
                "Công tác dân vận, tuyên truyền đặc biệt",
                (
                    "dan_van_ngay_cong",
                    "dan_van_ngay_cong_dq",
                    "dan_van_qua_so",
                    "dan_van_qua_moi_phan",
                    "dtts_qua_gia_dinh",
                    "dtts_qua_moi_phan",
                    "cs_qua_gia_dinh",
                    "cs_qua_gia_tri",
                    "cs_qua_binh_quan",
                    "dqtt_qua_so",
                    "dqtt_qua_moi_phan",
                    "dqtt_qua_gia_tri",
                ),
            ),
            S("co_so", "Kết quả ở cơ sở xã, thị trấn"),
            S("diem_manh", "Đánh giá: điểm mạnh"),
            S("han_che", "Đánh giá: hạn chế, yếu kém"),
            S("nguyen_nhan_manh", "Nguyên nhân của điểm mạnh"),
            S("nguyen_nhan_han_che", "Nguyên nhân của hạn chế"),
            S("phuong_huong", "Phương hướng kỳ tới"),
        ),
        deadline_days=7,
    ),
    FormSpec(
        "huyen_ccb",
        "Báo cáo phối hợp hoạt động của Hội Cựu chiến binh cấp huyện",
        kinds=("ccb",),
        levels=(2,),
        sections=(S("phoi_hop", "Kết quả phối hợp với Ban CHQS", TT_GENERAL),),
    ),
    FormSpec(
        "huyen_ctd",
        "Báo cáo phối hợp hoạt động của Hội Chữ thập đỏ cấp huyện",
        kinds=("ctd",),
        levels=(2,),
        sections=(
            S(
                "tuyen_truyen",
                "Tuyên truyền, vận động",
                (*TT_GENERAL, "tt_bang_ron", "tt_kinh_phi"),
            ),
            S(
                "nhan_dao",
                "Chăm lo người nghèo, hoạt động nhân đạo",
                (
                    "tet_qua_so",
                    "tet_qua_gia_tri",
                    "ngheo_doi_tuong",
                    "ngheo_so_tien",
                    "nha_ctd_so",
                    "nha_ctd_gia_tri",
                    "om_dau_so_tien",
                    "hoc_bong_so",
                    "hoc_bong_gia_tri",
                    "bep_com_so",
                    "bep_com_gia_tri",
                ),
            ),
            S(
                "so_cuu",
                "Sơ cấp cứu",
                ("so_cuu_ca", "so_cuu_tngt", "so_cuu_khac", "so_cuu_kinh_phi"),
            ),
            S("hien_mau", "Hiến máu tình nguyện", ("hien_mau_dot", "hien_mau_don_vi")),
        ),
    ),
    FormSpec(
        "huyen_nd",
        "Báo cáo phối hợp hoạt động của Hội Nông dân cấp huyện",
        kinds=("nd",),
        levels=(2,),
        sections=(
            S(
                "tuyen_truyen",
                "Tuyên truyền, vận động",
                (
                    "tt_qp_cuoc",
                    "tt_qp_luot",
                    "tt_an_ninh_cuoc",
                    "tt_an_ninh_luot",
                    "nvqs_ty_le_dang_ky",
                ),
            ),
            S(
                "phong_dich",
                "Phòng, chống dịch Covid-19",
                (
                    "covid_to_roi",
                    "covid_to_phan_ung",
                    "covid_to_nguoi",
                    "covid_ho_khai_bao",
                    "covid_ung_ho",
                ),
            ),
        ),
    ),
    FormSpec(
        "huyen_pn",
        "Báo cáo phối hợp hoạt động của Hội LHPN cấp huyện",
        kinds=("pn",),
        levels=(2,),
        sections=(
            S(
                "tuyen_truyen",
                "Tuyên truyền, vận động",
                (
                    *TT_GENERAL,
                    "tt_qp_cuoc",
                    "tt_qp_luot",
                    "tt_phong_trao_cuoc",
                    "tt_phong_trao_luot",
                ),
            ),
            S(
                "hau_phuong",
                "Công tác hậu phương quân đội",
                (
                    "tan_binh_qua_so",
                    "tan_binh_qua_gia_tri",
                    "covid_ung_ho",
                    "covid_chot_so",
                    "covid_chot_gia_tri",
                    "don_vi_qua_so",
                    "don_vi_qua_gia_tri",
                    "bien_phong_don",
                    "bien_phong_gia_tri",
                ),
            ),
        ),
    ),
    FormSpec(
        "huyen_ldld",
        "Báo cáo phối hợp hoạt động của Liên đoàn Lao động cấp huyện",
        kinds=("ldld",),
        levels=(2,),
        sections=(S("phoi_hop", "Kết quả phối hợp với Ban CHQS", TT_GENERAL),),
    ),
    FormSpec(
        "huyen_dtn",
        "Báo cáo phối hợp hoạt động của Đoàn TNCS Hồ Chí Minh cấp huyện",
        kinds=("dtn",),
        levels=(2,),
        sections=(
            S(
                "tuyen_truyen",
                "Tuyên truyền, giáo dục thanh niên",
                ("tt_an_ninh_cuoc", "tt_an_ninh_luot", "tt_qp_cuoc", "tt_qp_luot"),
            ),
            S(
                "phong_trao",
                "Phong trào, hoạt động phối hợp",
                ("tuyen_duong_thanh_nien", "tt_phong_trao_cuoc", "tt_phong_trao_luot"),
            ),
        ),
    ),
    FormSpec(
        "xa_doan_the",
        "Báo cáo phối hợp hoạt động của đoàn thể cấp xã",
        kinds=("ccb", "ctd", "nd", "pn", "ldld", "dtn"),
        levels=(3,),
        sections=(S("tuyen_truyen", "Tuyên truyền, vận động", (*TT_GENERAL, *TT_QP)),),
        deadline_days=3,
    ),
    FormSpec(
        "xa_chqs",
        "Báo cáo phối hợp hoạt động của Ban CHQS cấp xã",
        kinds=("chqs",),
        levels=(3,),
        sections=(
            S("tuyen_truyen", "Tuyên truyền, vận động", (*TT_GENERAL, *TT_QP)),
            S(
                "dan_van",
                "Công tác dân vận",
                (
                    "dan_van_ngay_cong",
                    "dan_van_ngay_cong_dq",
                    "dan_van_qua_so",
                    "dan_van_qua_moi_phan",
                ),
            ),
        ),
        deadline_days=3,
    ),
]


def form_code_for(kind: str, level: int) -> str:
    """The form an organisation of this kind reports at this level."""
    for form in FORMS:
        if kind in form.kinds and level in form.levels:
            return form.code
    raise KeyError((kind, level))


# ----- validation: what the built-in checks cannot guess from the indicators alone -----------

# count × value each = total, where a form carries all three.
PRODUCT_CHECKS: list[tuple[str, str, str]] = [
    ("cs_qua_gia_dinh", "cs_qua_binh_quan", "cs_qua_gia_tri"),
    ("dqtt_qua_so", "dqtt_qua_moi_phan", "dqtt_qua_gia_tri"),
]

# (indicator, organisation kind): what the district command reports of the communes' own
# campaign must agree with the communes' commands' reports of it (seed 3.7 against III).
LEVEL_RECONCILED: list[tuple[str, str]] = [
    ("dan_van_ngay_cong", "chqs"),
    ("dan_van_ngay_cong_dq", "chqs"),
    ("dan_van_qua_so", "chqs"),
]


@dataclass(frozen=True)
class RuleSpec:
    code: str
    name: str
    left: str
    operator: str
    right: str
    message: str
    importance: str = "medium"
    scope: str = "submission"
    levels: tuple[int, ...] = ()


# Rules the standing office wrote. The district organisations' propaganda sessions on the
# defence laws take place in the communes, so they are part of the district-wide total that
# section II.1 sums from the communes' reports; more of them than that total means one of the
# counts is wrong (the seed: 552 + 45 + 122 + 17 = 736 against 714). Medium, not high: an
# organisation may also count sessions held outside the communes' reports, so it asks for an
# explanation rather than proving an error.
RULES: list[RuleSpec] = [
    RuleSpec(
        "tt_qp_huyen_trong_tong_xa",
        "Tuyên truyền quốc phòng của các tổ chức cấp huyện không vượt tổng toàn huyện",
        "tt_qp_cuoc",
        "<=",
        "cap_duoi__tt_qp_cuoc",
        "Các tổ chức cấp huyện báo cáo {left} cuộc tuyên truyền Luật NVQS, DQTV, DBĐV, nhiều "
        "hơn tổng số {right} cuộc của các xã, thị trấn trên toàn huyện (chênh lệch "
        "{difference}); cần làm rõ số cuộc nào đã được tính trong tổng toàn huyện",
        scope="unit",
        levels=(2,),
    ),
]
