"""The seed report's figures for 2020S1, by organisation, exactly as printed."""

from decimal import Decimal as D
from pathlib import Path

# The real report and the list of its figures, kept once in the repository (see its README):
# beside the sample report context that the documents app builds from it.
SEED_DIR = Path(__file__).resolve().parents[1] / "documents" / "data" / "seed"
SEED_REPORT = SEED_DIR / "000_755666b3e69796d6.txt"
SEED_FIGURES = SEED_DIR / "seed-figures.yaml"

# The district organisations' own figures (sections II.2 and 3.1–3.7 of the seed).
DISTRICT_2020S1: dict[str, dict[str, D]] = {
    "chqs": {
        "dqtv_ty_le_dan_so": D("1.15"),
        "dbdv_ty_le_bien_che": D("100"),
        "dqtv_ty_le_dang_vien": D("20.91"),
        "dq_ty_le_dang_vien": D("15.57"),
        "tv_ty_le_dang_vien": D("44.06"),
        "dbdv_ty_le_dang_vien": D("15.04"),
        "tt_qp_cuoc": D(552),
        "tt_qp_luot": D(16036),
        "tt_qp_thanh_nien": D(4284),
        "nhap_ngu_tinh_nguyen": D(37),
        "nhap_ngu_lau_dai": D(7),
        # The command's own account of the communes' Tết campaign (seed 3.7).
        "dan_van_ngay_cong": D(650),
        "dan_van_ngay_cong_dq": D(250),
        "dan_van_qua_so": D(2500),
        "dan_van_qua_moi_phan": D(300000),
        "dtts_qua_gia_dinh": D(10),
        "dtts_qua_moi_phan": D(300000),
        "cs_qua_gia_dinh": D(14),
        "cs_qua_gia_tri": D(7000000),
        "cs_qua_binh_quan": D(500000),
        "dqtt_qua_so": D(17),
        "dqtt_qua_moi_phan": D(300000),
        "dqtt_qua_gia_tri": D(5100000),
    },
    "ccb": {},
    "ctd": {
        "tt_duong_loi_cuoc": D(25),
        "tt_duong_loi_luot": D(14250),
        "tt_bang_ron": D(34),
        "tt_kinh_phi": D(4350000),
        "tet_qua_so": D(10848),
        "tet_qua_gia_tri": D(3658673000),
        "ngheo_doi_tuong": D(259),
        "ngheo_so_tien": D(812364000),
        "nha_ctd_so": D(5),
        "nha_ctd_gia_tri": D(495000000),
        "om_dau_so_tien": D(55150000),
        "hoc_bong_so": D(56),
        "hoc_bong_gia_tri": D(61500000),
        "bep_com_so": D(21),
        "bep_com_gia_tri": D(786000000),
        # As printed: the parts (28 + 90) exceed the whole (98). Kept, for validation to show.
        "so_cuu_ca": D(98),
        "so_cuu_tngt": D(28),
        "so_cuu_khac": D(90),
        "so_cuu_kinh_phi": D(2250000),
        "hien_mau_dot": D(2),
        "hien_mau_don_vi": D(962),
    },
    "nd": {
        "tt_qp_cuoc": D(45),
        "tt_qp_luot": D(2126),
        "tt_an_ninh_cuoc": D(82),
        "tt_an_ninh_luot": D(7850),
        "nvqs_ty_le_dang_ky": D(100),
        "covid_to_roi": D(800),
        "covid_to_phan_ung": D(85),
        "covid_to_nguoi": D(2),
        "covid_ho_khai_bao": D(409),
        "covid_ung_ho": D(70960000),
    },
    "pn": {
        "tt_duong_loi_cuoc": D(214),
        "tt_duong_loi_luot": D(11154),
        "tt_qp_cuoc": D(122),
        "tt_qp_luot": D(6391),
        "tt_phong_trao_cuoc": D(38),
        "tt_phong_trao_luot": D(1618),
        "tan_binh_qua_so": D(116),
        "tan_binh_qua_gia_tri": D(92800000),
        "covid_ung_ho": D(62640000),
        "covid_chot_so": D(3),
        "covid_chot_gia_tri": D(13640000),
        "don_vi_qua_so": D(10),
        "don_vi_qua_gia_tri": D(3500000),
        "bien_phong_don": D(3),
        "bien_phong_gia_tri": D(30000000),
    },
    "ldld": {
        "tt_duong_loi_cuoc": D(34),
        "tt_duong_loi_luot": D(1620),
    },
    "dtn": {
        "tt_an_ninh_cuoc": D(25),
        "tt_an_ninh_luot": D(1850),
        "tt_qp_cuoc": D(17),
        "tt_qp_luot": D(506),
        "tuyen_duong_thanh_nien": D(110),
        "tt_phong_trao_cuoc": D(5),
        "tt_phong_trao_luot": D(250),
    },
}

# District-wide totals that the seed states; in the demo they are sums over the communes'
# submissions, never typed: section II.1 (all organisations of the 16 communes) and
# section III (the communes' military commands).
COMMUNE_TOTALS_2020S1: dict[str, dict[str, D]] = {
    "all": {
        "tt_duong_loi_cuoc": D(7286),
        "tt_duong_loi_luot": D(247362),
        "tt_qp_cuoc": D(714),
        "tt_qp_luot": D(66238),
        "tt_qp_thanh_nien": D(6124),
    },
    "chqs": {
        "dan_van_ngay_cong": D(700),
        "dan_van_ngay_cong_dq": D(350),
        "dan_van_qua_so": D(2000),
    },
}
# Every commune command gave gifts worth the same amount each, as section III says.
COMMUNE_GIFT_EACH_2020S1 = D(300000)
