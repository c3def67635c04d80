"""Sample review-report context taken from the Bù Đăng H1 2020 seed report."""

from __future__ import annotations

from typing import Any


def sample_context() -> dict[str, Any]:
    """A complete rendering context: every figure is already formatted Vietnamese text."""
    return {
        "header": {
            "parent_body": "UBND HUYỆN BÙ ĐĂNG",
            "issuing_body": "BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG LIÊN NGÀNH",
            "number": "12/BC-BCĐ",
            "date_line": "Bù Đăng, ngày 15 tháng 6 năm 2020",
        },
        "subject": (
            "Sơ kết chương trình phối hợp hoạt động giữa Ban CHQS "
            "với 06 đoàn thể huyện 6 tháng đầu năm 2020"
        ),
        "period_title": "6 THÁNG ĐẦU NĂM 2020",
        "next_period_title": "6 THÁNG CUỐI NĂM 2020",
        "level_upper": "HUYỆN",
        "opening": (
            "Căn cứ vào nội dung ký kết và công tác phối hợp hoạt động giữa Ban chỉ huy Quân sự"
            " với 06 đoàn thể của huyện năm 2020, Ban chỉ đạo vận động quần chúng liên ngành "
            "(VĐQC) huyện báo cáo kết quả 6 tháng đầu năm 2020 như sau:"
        ),
        "leadership": [
            (
                "Ban chỉ đạo điều hành phối hợp liên ngành vận động quần chúng (VĐQCLN) đã tiến"
                " hành tổng kết hoạt động năm 2019 và triển khai chương trình phối hợp hoạt "
                "động năm 2020."
            ),
            (
                "Chỉ đạo Ban CHQS 16 xã, thị trấn tiến hành phối hợp với 06 đoàn thể tại địa "
                "phương xây dựng kế hoạch thực hiện chương trình phối hợp hoạt động. Đảng uỷ-"
                "UBND các xã, thị trấn đã lãnh đạo, chỉ đạo chặt chẽ, kịp thời kiện toàn bổ "
                "sung Ban điều phối liên ngành VĐQC."
            ),
            (
                "Ban chỉ đạo huyện phân công nhiệm vụ từng thành viên trong Ban chỉ đạo phụ "
                "trách địa bàn, từ đó hiệu quả công tác được nâng lên."
            ),
        ],
        "information": [
            (
                "- Trong 6 tháng đầu năm 2020, Ban CHQS và 06 đoàn thể của huyện đã phối hợp "
                "tuyên truyền sâu rộng trong cán bộ, chiến sĩ, đoàn viên, hội viên và Nhân dân "
                "trên địa bàn huyện về đường lối, chủ trương của Đảng, chính sách, pháp luật "
                "của Nhà nước và các quy định của địa phương. Tuyên truyền vận động các lực "
                "lượng và nhân dân tiếp tục thực hiện hiệu quả Chỉ thị 05 của Bộ Chính trị, gắn"
                " với NQTW 4 (khóa XII); tuyên truyền ý nghĩa lịch sử các ngày lễ lớn của đất "
                "nước, địa phương; tuyên truyền Đại hội đảng đại biểu Đảng bộ huyện Bù Đăng lần"
                " thứ VIII; Đại hội đại biểu tỉnh Bình Phước lần thứ XI tiến tới đại hội đại "
                "biểu toàn quốc lần thứ XIII của Đảng… được 7.286 cuộc với 247.362 lượt người "
                "dự nghe."
            ),
            (
                "- Tuyên truyền về thực hiện các Chỉ thị, Nghị quyết của Đảng, Luật nghĩa vụ "
                "quân sự, Luật Dân quân tự vệ, Luật dự bị động viên, Nghị định của Chính phủ, "
                "truyền thống của Đảng, của Quân đội, truyền thống của huyện nhà, truyền thống "
                "các ngành được 714 cuộc với 66.238 lượt người tham dự, trong đó có 6.124"
                " thanh niên trong độ tuổi. Nhất là tập trung tuyên truyền công tác tuyển quân "
                "năm 2020 -2021. Triển khai và tổ chức thực hiện các nội dung phong trào thi "
                "đua quyết thắng trong LLVT gắn với phong trào thi đua yêu nước ở địa phương. "
                "Tổ chức thực hiện công tác dân vận, vận động quần chúng có hiệu quả."
            ),
        ],
        "defence": [
            (
                "Ban CHQS thường xuyên phối hợp chặt chẽ với 6 đoàn thể của huyện trong công "
                "tác tham mưu cho Huyện uỷ, Ủy ban Nhân dân huyện lãnh đạo, chỉ đạo xây dựng "
                "nền Quốc phòng toàn dân, xây dựng thế trận chiến tranh Nhân dân gắn với thế "
                "trận an ninh Nhân dân, xây dựng lực lượng vũ trang vững mạnh, nâng cao chất "
                "lượng huấn luyện, SSCĐ đáp ứng yêu cầu nhiệm vụ trong tình hình mới, tham gia "
                "xây dựng cơ sở chính trị VMTD, xây dựng thôn, ấp, văn hoá, giữ vững an ninh "
                "chính trị, trật tự an toàn xã hội trên địa bàn. Đoàn viên, hội viên của các tổ"
                " chức cơ sở là lực lượng nòng cốt trong thực hiện nhiệm vụ xây dựng nền Quốc "
                "phòng toàn dân ở địa phương."
            ),
            (
                "Phối hợp chặt chẽ với các cấp Hội trong việc giáo dục truyền thống, giáo dục "
                "Luật nghĩa vụ quân sự, Luật DQTV, Luật DBĐV và trách nhiệm, nghĩa vụ bảo vệ Tổ"
                " quốc trong tình hình hiện nay cho đoàn viên, thanh niên, công đoàn, hội viên "
                "và nhân dân. Trong công tác xây dựng lực lượng DQTV bảo đảm số lượng đạt 1,15%"
                " so với dân số, lực lượng DBĐV biên chế vào các đơn vị đạt 100% (đơn vị của Bộ"
                " Quốc phòng, của tỉnh và huyện), nâng cao chất lượng độ tin cậy về chính trị. "
                "Tỷ lệ đảng viên trong DQTV đạt 20,91%, trong đó DQ đạt 15,57%, Tự vệ đạt "
                "44,06%. Thường xuyên phúc tra bổ sung biên chế lực lượng DBĐV theo kế hoạch. "
                "Tỷ lệ đảng viên trong lực lượng DBĐV đã xếp vào các đơn vị đạt 15,04%."
            ),
            (
                "Phối hợp chặt chẽ trong việc xây dựng thế trận QP-AN ở xã, thị trấn và tham "
                "gia tuyên truyền để từng đoàn thể nắm được những vấn đề cơ bản, những yêu cầu,"
                " nhiệm vụ trong xây dựng thế trận quốc phòng toàn dân tại địa phương. Trong "
                "công tác cán bộ, chiến sĩ, đoàn viên, hội viên đã nêu cao vai trò, tinh thần "
                "trách nhiệm trong việc tham gia xây dựng xóm, ấp, xã, thị trấn vững mạnh về "
                "Quốc phòng - an ninh. Phối hợp các tổ chức chính trị-xã hội thực hiện công tác"
                " chính sách hậu phương Quân đội."
            ),
            (
                "Thường xuyên phối hợp chặt chẽ, tuyên truyền sâu rộng trong Nhân dân hưởng ứng"
                " tốt phong trào đền ơn đáp nghĩa, thăm hỏi gia đình thương binh, liệt sĩ, gia "
                "đình có công với cách mạng trong dịp lễ, tết…"
            ),
        ],
        "organisations": [
            {
                "number": "3.1",
                "heading": "Phối hợp hoạt động giữa Ban CHQS với Hội Cựu chiến binh huyện",
                "paragraphs": [
                    (
                        "- Trong 6 tháng đầu năm Hội đã đẩy mạnh công tác tuyên truyền, giáo "
                        "dục sâu rộng trong cán bộ, chiến sĩ, hội viên Hội CCB, và nhân dân nắm"
                        " vững đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà "
                        "nước, nhất là Nghị quyết TW8 (khóa XI) về “Chiến lược bảo vệ Tổ quốc "
                        "trong tình hình mới”, củng cố niềm tin vào Đảng, vào chế độ xã hội chủ"
                        " nghĩa. Nâng cao tinh thần cảnh giác cách mạng, phòng, chống có hiệu "
                        "quả âm mưu chiến lược “DBHB”, BLLĐ của các thế lực thù địch."
                    ),
                    (
                        "- Động viên cán bộ, chiến sĩ, hội viên tích cực, gương mẫu thực hiện "
                        "có hiệu quả Chỉ thị 05 của Bộ Chính trị về đẩy mạnh việc học tập và "
                        "làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; đồng thời tổ chức "
                        "tốt các hoạt động “Đền ơn đáp nghĩa” nhân kỷ niệm 90 năm ngày thành "
                        "lập Đảng cộng sản Việt Nam, 45 năm ngày giải phóng hoàn toàn miền Nam,"
                        " thống nhất đất nước. Tuyên truyền Pháp lệnh Cựu chiến binh và Nghị "
                        "định của Chính phủ về thi hành Pháp lệnh Cựu chiến binh Việt Nam."
                    ),
                    (
                        "- Đẩy mạnh công tác tuyên truyền, động viên các gia đình hội viên Cựu "
                        "chiến binh và nhân dân có con, em trong độ tuổi thực hiện NVQS, nắm "
                        "vững Luật nghĩa vụ quân sự, chấp hành nghiêm các quy định về khám "
                        "tuyển, xét duyệt hồ sơ thanh niên trúng tuyển thực hiện nghĩa vụ quân "
                        "sự, sẵn sàng lên đường nhập ngũ năm 2020. Giáo dục lịch sử cho thế hệ "
                        "trẻ về chủ quyền lãnh thổ Việt Nam, về truyền thống của Quân đội Nhân "
                        "dân Việt Nam anh hùng. Phối hợp thực hiện có hiệu quả phong trào chung"
                        " sức xây dựng nông thôn mới."
                    ),
                    (
                        "- Phát động trong cán bộ, chiến sĩ, hội viên và Nhân dân tích cực phát"
                        " hiện, tìm kiếm thông tin mộ liệt sỹ. Phối hợp tham mưu cấp ủy, chính "
                        "quyền thực hiện đầy đủ các chế độ chính sách của Đảng và Nhà nước đối "
                        "với các đối tượng chính sách trên địa bàn huyện. Vận động các đoàn thể"
                        " và Nhân dân chăm sóc giúp đỡ gia đình quân nhân tại ngũ có hoàn cảnh "
                        "khó khăn, giúp đỡ và tạo việc làm cho quân nhân xuất ngũ."
                    ),
                    (
                        "- Củng cố, xây dựng và phát triển các tổ chức Hội CCB ở cơ sở đi vào "
                        "hoạt động hiệu quả, tích cực phát triển hội viên, động viên Nhân dân "
                        "tích cực tham gia xây dựng chính quyền cơ sở, xây dựng Quốc phòng - an"
                        " ninh vững mạnh, xây dựng khu vực phòng thủ huyện vững chắc."
                    ),
                ],
                "figures": [],
            },
            {
                "number": "3.2",
                "heading": "Phối hợp hoạt động giữa Ban CHQS huyện với Hội Chữ thập đỏ",
                "paragraphs": [
                    (
                        "- Trong 6 tháng đầu năm 2020 Hội chữ thập đỏ phối hợp với Ban CHQS "
                        "huyện, các ban, ngành, đoàn thể tuyên truyền, vận động trong nhân dân "
                        "về đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước;"
                        " tuyên truyền, vận động ĐVTN trong độ tuổi tham gia khám tuyển NVQS, "
                        "sẵn sàng lên đường bảo vệ Tổ quốc; tuyên truyền kỷ niệm các ngày lễ "
                        "lớn của đất nước, địa phương được 25 cuộc với 14.250 lượt cán bộ hội "
                        "viên và nhân dân dự nghe, treo 34 băng rôn, tổng kinh phí chi cho công"
                        " tác tuyên truyền 4.350.000 đồng. Trong 6 tháng đầu năm 2020 hội Chữ "
                        "thập đỏ huyện phối hợp các ngành vận động, quyên góp các tổ chức, cá "
                        "nhân trong và ngoài huyện ủng hộ chăm lo tết cho người nghèo với "
                        "10.848 phần quà trị giá 3.658.673.000 đồng; giúp 259 đối tượng nghèo "
                        "đặc biệt khó khăn với tổng số tiền 812.364.000 đồng; tổ chức trao 05 "
                        "căn nhà Chữ thập đỏ bằng 495.000.000 đồng, thăm hỏi ốm đau, ma chay "
                        "55.150.000 đồng; Vận động phối hợp cấp 56 suất học bổng cho học sinh "
                        "nghèo 61.500.000 đồng, tổ chức 21 bếp cơm tình thương tại các trường "
                        "học, bệnh viện với số tiền 786.000.000 đồng. Tổ chức tốt các chốt sơ "
                        "cấp cứu trên địa bàn cụ thể: đã sơ cứu an toàn cho 98 ca, trong đó tai"
                        " nạn giao thông 28 ca, tai nạn khác 90 người, tổng số tiền chi cho "
                        "công tác này là 2.250.000 đồng."
                    ),
                    (
                        "- Làm tốt công tác vận động cán bộ, hội viên và nhân dân góp công sức,"
                        " vật chất xây dựng các công trình phúc lợi xã hội, nhân đạo ở địa "
                        "phương, nơi nuôi dưỡng người già, khuyết tật, trẻ em mồ côi không nơi "
                        "nương tựa. Xây dựng nhà tình nghĩa, tình thương cho các gia đình chính"
                        " sách, đồng bào dân tộc thiểu số gặp khó khăn, thực hiện tốt chính "
                        "sách hậu phương Quân đội."
                    ),
                    (
                        "Là cơ quan thường trực của Ban chỉ đạo (BCĐ) hiến máu tình nguyện, Hội"
                        " Chữ thập đỏ huyện phối hợp với các ngành liên quan và Trung tâm "
                        "truyền máu bệnh viện Chợ Rẫy tổ chức được 02 đợt hiến máu tình nguyện "
                        "với 962 đơn vị máu."
                    ),
                ],
                "figures": [
                    {
                        "name": "Tuyên truyền",
                        "value": "25 cuộc với 14.250 lượt người dự",
                        "comparison": "",
                    },
                    {
                        "name": "Quà Tết cho người nghèo",
                        "value": "10.848 phần quà, trị giá 3.658.673.000 đồng",
                        "comparison": "",
                    },
                    {
                        "name": "Hiến máu tình nguyện",
                        "value": "02 đợt với 962 đơn vị máu",
                        "comparison": "",
                    },
                ],
            },
            {
                "number": "3.3",
                "heading": "Phối hợp hoạt động giữa Ban CHQS huyện với Hội Nông dân huyện",
                "paragraphs": [
                    (
                        "Trên cơ sở nội dung đã được ký kết, Ban CHQS và Hội Nông dân huyện "
                        "thống nhất, cụ thể hóa việc triển khai thực hiện chương trình phối hợp"
                        " hoạt động và thường xuyên hoạt động có nề nếp. Tuyên truyền hội viên "
                        "hiểu rõ và chấp hành nghiêm Luật NVQS, Luật DQTV, Pháp lệnh DBĐV; động"
                        " viên con em hội viên tự giác, tình nguyện thực hiện NVQS được 45 cuộc"
                        " với 2.126 lượt cán bộ hội viên tham gia. Cùng cấp ủy, chính quyền và "
                        "các cơ quan chức năng giải quyết việc làm cho bộ đội xuất ngũ, tham "
                        "gia xây dựng lực lượng DQTV, DBĐV vững mạnh. Phối hợp tuyên truyền cho"
                        " cán bộ, hội viên nông dân về đường lối, chủ trương của Đảng, chính "
                        "sách, pháp luật của Nhà nước và tổ chức các hoạt động thiết thực kỷ "
                        "niệm các ngày lễ lớn của đất nước; tuyên truyền nâng cao nhận thức, "
                        "trách nhiệm cho hội viên, nông dân tham gia phong trào bảo vệ an ninh "
                        "Tổ quốc được 82 cuộc có 7.850 lượt cán bộ hội viên tham dự. Vận động "
                        "hội viên, Nhân dân luôn đề cao cảnh giác trước mọi âm mưu, thủ đoạn "
                        "của các thế lực thù địch; các cấp hội vận động con em trong độ tuổi "
                        "tham gia đăng ký và thực hiện nghĩa vụ quân sự đạt 100%."
                    ),
                    (
                        "Trong 6 tháng đầu năm 2020 cơ sở hội đã phối hợp tổ chức các đợt ra "
                        "quân tuyên truyền phòng chống dịch bệnh Covid-19, phát 800 tờ rơi "
                        "hướng dẫn cách phòng chống dịch Covid-19. Tham gia vận động các cơ sở "
                        "tôn giáo không làm lễ tụ tập đông người, triển khai thành lập 85 tổ "
                        "phản ứng nhanh mỗi tổ 02 người để nắm tình hình, xuống 409 hộ gia đình"
                        " có người thân từ nơi khác về khai báo y tế và cam kết cách ly tại "
                        "nhà, vận động các tổ chức và cá nhân ủng hộ phòng chống dịch Covid-19 "
                        "được 70.960.000 đồng."
                    ),
                ],
                "figures": [
                    {
                        "name": "Tuyên truyền Luật NVQS, Luật DQTV, Pháp lệnh DBĐV",
                        "value": "45 cuộc với 2.126 lượt người dự",
                        "comparison": "",
                    },
                    {
                        "name": "Ủng hộ phòng, chống dịch Covid-19",
                        "value": "70.960.000 đồng",
                        "comparison": "",
                    },
                ],
            },
            {
                "number": "3.4",
                "heading": "Phối hợp hoạt động giữa Ban CHQS với Hội LHPN huyện",
                "paragraphs": [
                    (
                        "Trong 6 tháng đầu năm 2020, Hội đã làm tốt công tác phối hợp tuyên "
                        "truyền kỷ niệm các ngày lễ tết: 90 năm ngày thành lập Đảng cộng sản "
                        "Việt Nam, 45 năm ngày giải phóng miền Nam; 130 năm ngày sinh Chủ tịch "
                        "Hồ Chí Minh, 45 năm ngày giải phóng Bình Phước được 214 cuộc với "
                        "11.154 lượt cán bộ, hội viên tham gia, vận động quần chúng nhân dân "
                        "thực hiện các đường lối, chủ trương của Đảng, chính sách pháp luật của"
                        " Nhà nước; tuyên truyền luật NVQS được 122 cuộc với 6.391 lượt cán bộ,"
                        " hội viên tham gia. Tuyên truyền các cuộc vận động “Người Việt Nam "
                        "dùng hàng Việt Nam”, cuộc thi “Áo dài đẹp qua ảnh năm 2020”, tuyên "
                        "truyền phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”, "
                        "“Người Bình Phước nói lời hay, làm việc tốt”… góp phần xây dựng nông "
                        "thôn mới, đô thị văn minh có 38 cuộc với 1.618 lượt chị tham dự."
                    ),
                    (
                        "Công tác hậu phương Quân đội luôn được quan tâm và phối hợp chặt chẽ, "
                        "cụ thể như: Tham mưu Huyện ủy, UBND huyện tặng 116 phần quà cho tân "
                        "binh trị giá 92.800.000đ. Vận động cán bộ, hội viên được 62.640.000 "
                        "ủng hộ công tác phòng chống dịch Covid-19 trong đó thăm tặng nhu yếu "
                        "phẩm cho 03 chốt kiểm dịch trên địa bàn huyện 13.640.000 đồng. Hội phụ"
                        " nữ huyện tham gia thăm, tặng quà 10 phần quà trị giá 3.500.000 và tổ "
                        "chức gói bánh chưng đón tết tại Trung đội bộ binh 290 tạo mối quan hệ "
                        "gắn kết giữa Ban CHQS huyện với các ban ngành của huyện"
                    ),
                    (
                        "Phối hợp với các ngành thăm ủng hộ 03 Đồn biên phòng bảo đảm phòng "
                        "chống dịch Covid-19 với 30.000.000 đồng."
                    ),
                    (
                        "- Tổ chức, hướng dẫn cơ sở thực hiện tốt các nhiệm vụ trọng tâm của "
                        "hội, xây dựng tổ chức hội vững mạnh, nhằm góp phần tích cực thực hiện "
                        "2 nhiệm vụ chiến lược xây dựng và bảo vệ vững chắc Tổ quốc Việt Nam "
                        "XHCN."
                    ),
                ],
                "figures": [],
            },
            {
                "number": "3.5",
                "heading": "Phối hợp hoạt động giữa Ban CHQS với Liên đoàn lao động huyện",
                "paragraphs": [
                    (
                        "- Liên đoàn Lao động trong 6 tháng đầu năm 2020 đã làm tốt công tác "
                        "tuyên truyền giáo dục trong cán bộ, CNVC-LĐ và chiến sĩ trong toàn "
                        "huyện về công tác giáo dục truyền thống cách mạng, về chủ trương, "
                        "đường lối của Đảng, chính sách, pháp luật của Nhà nước được 34 cuộc "
                        "với 1.620 lượt cán bộ hội viên dự nghe. Chỉ đạo Công đoàn cơ sở tham "
                        "gia các hoạt động đóng góp ủng hộ các cuộc vận động do tỉnh, huyện "
                        "triển khai"
                    ),
                    (
                        "- Phối hợp tổ chức huấn luyện Tự vệ cơ quan nâng cao trình độ, khả "
                        "năng SSCĐ, góp phần thực hiện tốt công tác bảo vệ an ninh trật tự ở cơ"
                        " quan. Đồng thời, chủ động nắm tình hình tư tưởng trong Nhân dân, kịp "
                        "thời tham mưu cho huyện xây dựng phương án bảo đảm an ninh trật tự, "
                        "phát hiện sớm các tình huống xảy ra."
                    ),
                    (
                        "- Tuyên truyền, vận động thanh niên, cán bộ, CNVC-LĐ trong độ tuổi "
                        "đăng ký tham gia khám tuyển và thực hiện nghĩa vụ quân sự, tham gia "
                        "tập huấn, huấn luyện đạt chỉ tiêu trên giao. Phối hợp tổ chức Lễ hội "
                        "ẩm thực và Hội trại tiễn thanh niên lên đường nhập ngũ, giới thiệu "
                        "việc làm cho bộ đội xuất ngũ."
                    ),
                    (
                        "- Củng cố và xây dựng tổ chức công đoàn ngày càng vững mạnh, phát "
                        "triển đoàn viên về số lượng và chất lượng."
                    ),
                ],
                "figures": [],
            },
            {
                "number": "3.6",
                "heading": "Phối hợp hoạt động giữa Ban CHQS với Đoàn TNCS Hồ Chí Minh huyện",
                "paragraphs": [
                    (
                        "- Trong 6 tháng đầu năm 2020 đã phối hợp với Ban CHQS huyện, đẩy mạnh "
                        "các hoạt động phong trào Đoàn thanh niên trong và ngoài Quân đội, giáo"
                        " dục học tập lý luận chính trị cho các tầng lớp thanh niên; tổ chức "
                        "các hội thi, hội diễn văn nghệ, TDTT chào mừng kỷ niệm các ngày lễ lớn"
                        " của đất nước, địa phương (3/2, 26/3, 30/4, 19/5). Tham gia tích cực "
                        "công tác dân vận, xây dựng nông thôn mới, cùng với các đoàn thể, chính"
                        " quyền địa phương giữ vững an ninh chính trị, trật tự an toàn xã hội "
                        "trên địa bàn. Huyện đoàn đã làm tốt công tác tuyên truyền, giáo dục "
                        "cho thế hệ trẻ nâng cao nhận thức cách mạng, ý thức trách nhiệm đối "
                        "với nhiệm vụ xây dựng và bảo vệ Tổ quốc, xây dựng LLVT trong thời kỳ "
                        'mới. Nhận rõ âm mưu chiến lược "DBHB”, BLLĐ của các thế lực thù địch, '
                        "nâng cao tinh thần cảnh giác cách mạng. Vận động đoàn viên thanh niên "
                        "gương mẫu đi đầu trong các hoạt động phong trào ở địa phương, đấu "
                        "tranh chống tham nhũng, buôn lậu, các tệ nạn xã hội, giữ vững ANCT-"
                        "TTATXH ở địa phương được 25 cuộc với 1.850 lượt đoàn viên thanh niên "
                        "tham gia."
                    ),
                    (
                        "- Phối hợp tuyên truyền trong thanh, thiếu niên về truyền thống đấu "
                        "tranh của quân và dân ta trong 2 cuộc kháng chiến chống Pháp và chống "
                        "Mỹ, như tổ chức các hoạt động về nguồn, giao lưu VHVN-TDTT. Tuyên "
                        "truyền Luật nghĩa vụ quân sự trong các tầng lớp thanh niên nhận thức "
                        "rõ quyền lợi, trách nhiệm, nghĩa vụ và niềm vinh dự trong thực hiện "
                        "nhiệm vụ bảo vệ Tổ quốc. Làm tốt công tác tạo nguồn đoàn viên ưu tú "
                        "phát triển Đảng tham gia nhập ngũ và thanh niên đủ điều kiện phục vụ "
                        "lâu dài trong quân đội; động viên đoàn viên, thanh niên hăng hái rèn "
                        "luyện phấn đấu về mọi mặt, sẵn sàng nhận và hoàn thành xuất sắc nhiệm "
                        "vụ được giao được 17 cuộc với 506 lượt đoàn viên thanh niên tham gia."
                    ),
                    (
                        "- Tiếp tục đẩy mạnh các hoạt động phối hợp tổ chức thành công lễ tuyên"
                        " dương 110 thanh niên lên đường làm nhiệm vụ bảo vệ tổ quốc năm 2020. "
                        "Tăng cường tổ chức giao lưu VHVN-TDTT với cán bộ, chiến sỹ b290 trong "
                        "các dịp lễ, tết. Phối hợp vệ sinh khu bảo tồn văn hóa Sok Bom Bo, xây "
                        "dựng nông thôn mới được 05 cuộc có 250 lượt cán bộ, chiến sĩ đoàn viên"
                        " tham gia."
                    ),
                    (
                        "- Xây dựng, củng cố tổ chức cơ sở đoàn và phát triển đoàn viên. Tổ "
                        "chức bồi dưỡng công tác đoàn nhằm nâng cao chất lượng hoạt động của "
                        "đội ngũ cán bộ đoàn đáp ứng yêu cầu nhiệm vụ trong tình hình hiện nay."
                        " Nâng cao hiệu quả hoạt động của chi đoàn Dân quân cơ động, tích cực "
                        "giới thiệu đoàn viên ưu tú đề nghị xem xét phát triển đảng viên trong "
                        "lực lượng DQTV, DBĐV, thực hiện tốt phong trào đền ơn đáp nghĩa, các "
                        "gia đình thương binh, liệt sỹ ở địa phương."
                    ),
                ],
                "figures": [],
            },
            {
                "number": "3.7",
                "heading": "Ban CHQS huyện",
                "paragraphs": [
                    (
                        "Trong 6 tháng đầu năm 2020 đã thực hiện tốt công tác tham mưu cho "
                        "Huyện ủy-UBND huyện và phối hợp với các ban, ngành, đoàn thể làm tốt "
                        "công tác QS-QP Phối hợp tổ chức tuyên truyền trong tuyển chọn, gọi "
                        "công dân nhập ngũ năm 2020 được 552 cuộc với 16.036 lượt người "
                        "tham dự, trong đó có 4.284 thanh niên trong độ tuổi; Thông qua các "
                        "hình thức tuyên truyền, vận động, giáo dục Luật NVQS (sửa đổi năm "
                        "2015) giúp cho thân nhân, gia đình thanh niên hiểu rõ Luật nghĩa vụ, "
                        "quyền lợi của công dân để động viên con em lên đường làm nghĩa vụ quân"
                        " sự, trong đó có 37 thanh niên tình nguyện lên đường nhập ngũ, trong "
                        "đó có 07 trường hợp tình nguyện phục vụ lâu dài trong Quân đội. Xây "
                        "dựng kế hoạch, chỉ đạo Ban CHQS 16 xã, thị trấn tổ chức làm công tác "
                        "dân vận trong dịp Tết Nguyên đán Canh Tý. Kết quả; Ban CHQS 16 xã, TT "
                        "chỉ đạo LLDQTT xã, thôn phối hợp với các ban, ngành, đoàn thể địa "
                        "phương phát quang đường liên thôn, quét dọn nhà văn hóa cộng đồng, bia"
                        " tưởng niệm với 650 ngày công (trong đó LLDQ với 250 ngày công); thăm,"
                        " tặng quà gia đình chính sách, hộ nghèo với 2.500 phần quà, trị giá "
                        "mỗi phần 300.000đ."
                    ),
                    (
                        "Thực hiện có hiệu quả công tác Dân vận - Tuyên truyền đặc biệt (DV-"
                        "TTĐB) ở các vùng đồng bào dân tộc thiểu số, khu di tích lịch sử trong "
                        "các dịp lễ, tết; giúp nhân dân khắc phục hậu quả thiên tai lốc xoáy, "
                        "lũ lụt; xây dựng nông thôn mới…) cụ thể như: Tổ chức thăm tặng quà 10 "
                        "gia đình đồng bào dân tộc nghèo tại thôn 7 xã Đoàn Kết mỗi phần trị "
                        "giá 300.000 đồng. Tặng quà cho 14 gia đình chính sách trên địa bàn "
                        "huyện: 7.000.000đ (bình quân 500.000đ/1 phần quà). Đảng ủy – Ban CHQS "
                        "huyện đã trao 17 phần quà cho 17 đồng chí DQTT các xã, mỗi phần trị "
                        "giá 300.000 đồng = 5.100.000đ."
                    ),
                ],
                "figures": [
                    {
                        "name": "Tuyên truyền tuyển quân năm 2020",
                        "value": "552 cuộc với 16.036 lượt người dự",
                        "comparison": "",
                    },
                    {
                        "name": "Thanh niên tình nguyện nhập ngũ",
                        "value": "37 thanh niên",
                        "comparison": "",
                    },
                ],
            },
        ],
        "communes": [
            (
                "Ban CHQS 16 xã, TT thực hiện tốt công tác tham mưu cho cấp ủy, chính quyền về "
                "lãnh đạo, chỉ đạo trong công tác VĐQC tại địa phương. Chủ động xây dựng kế "
                "hoạch phối hợp, ra quyết định củng cố kiện toàn Ban Điều phối VĐQCLN tổ chức "
                "quán triệt, triển khai thực hiện, chỉ đạo LLDQTT xã, thôn phối hợp với các "
                "ban, ngành, đoàn thể địa phương phát quang đường liên thôn, quét dọn nhà văn "
                "hóa cộng đồng, bia tưởng niệm với 700 ngày công (trong đó LLDQ với 350 ngày "
                "công); thăm, tặng quà gia đình chính sách, hộ nghèo với 2.000 phần quà, trị "
                "giá mỗi phần 300.000đ. Phối hợp với các lực lượng trên địa bàn thực hiện có "
                "hiệu quả Nghị định 03 của Thủ tướng Chính phủ, bảo vệ an toàn địa bàn, kịp "
                "thời tham mưu xử lý kịp các tình huống, tăng cường phối hợp đấu tranh phòng, "
                "chống tội phạm trên địa bàn, bảo đảm tốt ANCT, TTATXH."
            ),
        ],
        "strengths": [
            (
                "Trong 6 tháng đầu năm 2020, Ban Chỉ đạo VĐQC liên ngành huyện làm tốt chức "
                "năng tham mưu cho Huyện ủy – UBND huyện lãnh đạo toàn diện nhiệm vụ QS-QP; xây"
                " dựng nền quốc phòng toàn dân vững mạnh, xây dựng khu vực phòng thủ ngày càng "
                "vững chắc; góp phần giữ vững ổn định chính trị - trật tự, an toàn xã hội, tạo "
                "điều kiện phát triển kinh tế - xã hội trên địa bàn huyện."
            ),
            (
                "Công tác lãnh đạo, chỉ đạo tổ chức thực hiện chặt chẽ, thống nhất, phân công "
                "nhiệm vụ cho từng ngành cụ thể, đạt hiệu quả cao. Cán bộ, chiến sĩ, đoàn viên,"
                " hội viên đã quán triệt sâu sắc kế hoạch, chương trình hoạt động của ngành "
                "mình, tổ chức phối hợp hoạt động chặt chẽ nên đã tạo được sự thống nhất trong "
                "nhận thức và hành động. LLVT địa phương, các đoàn thể luôn được xây dựng vững "
                "mạnh về mọi mặt, đã làm tốt công tác tuyên truyền, giáo dục, vận động theo "
                "chức năng nhiệm vụ của mình, các chỉ tiêu cơ bản đạt được theo chương trình đề"
                " ra."
            ),
            (
                "Qua phối hợp hoạt động đã vận động quần chúng nâng cao ý thức cảnh giác trước "
                "âm mưu thủ đoạn “DBHB”, bạo loạn lật đổ của các thế lực thù địch, nhất là vấn "
                "đề biên giới, biển đảo, các văn bản Luật mới ban hành. Giải quyết tốt chính "
                "sách hậu phương Quân đội và chính sách tồn đọng sau chiến tranh. Thông qua "
                "hoạt động đã khơi dậy lòng yêu nước, tinh thần cách mạng, thực hiện tốt phong "
                "trào “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”, “Toàn dân "
                "bảo vệ Tổ quốc”; góp phần xây dựng cơ sở chính trị VMTD ở địa phương, tăng "
                "cường tiềm lực quốc phòng, chính trị, tinh thần và vật chất ở từng cơ sở đáp "
                "ứng yêu cầu nhiệm vụ bảo vệ Tổ quốc trong tình hình mới."
            ),
        ],
        "weaknesses": [
            (
                "Quá trình thực hiện nhiệm vụ có những nội dung phối hợp chưa được thường "
                "xuyên, chưa chặt chẽ; công tác tổng hợp, báo cáo và thông tin có lúc chưa được"
                " kịp thời, chưa sát với nội dung chương trình đã được ký kết đầu năm. Một số "
                "nội dung phối hợp hoạt động hiệu quả còn hạn chế, quá trình kiểm tra 6 tháng "
                "đầu năm đối với các xã, thị trấn còn thiếu thành phần, công tác chuẩn bị của "
                "các xã còn hạn chế, thiếu quy chế hoạt động của Ban Điều phối, nội dung chuẩn "
                "bị báo cáo chưa thống nhất số liệu giữa các ngành. Việc nắm tình hình tư tưởng"
                " Nhân dân, tình hình an ninh nông thôn có thời điểm chưa sâu sát, còn để nhân "
                "dân xây dựng nhà thờ, nhà nguyện, truyền đạo trái phép. Xây dựng lực lượng "
                "nòng cốt trong Nhân dân, trong vùng đồng bào dân tộc thiểu số, vùng có đạo còn"
                " thiếu quan tâm. Trong hoạt động chưa lập ra được một kế hoạch chung mà chủ "
                "yếu phối hợp trên cơ sở các kế hoạch của Huyện ủy – UBND huyện, công tác tuyên"
                " truyền ở một số lĩnh vực chưa sâu, dẫn đến hiệu quả chưa cao."
            ),
        ],
        "causes_strengths": [
            (
                "Được sự lãnh đạo, chỉ đạo, hướng dẫn của Ban chỉ đạo vận động quần chúng liên "
                "ngành tỉnh và các cơ quan cấp trên, cùng với sự quan tâm lãnh đạo của Huyện uỷ"
                " - Ủy ban nhân dân huyện. Ban chỉ đạo vận động quần chúng liên ngành của huyện"
                " đã xây dựng được chương trình phối hợp hoạt động xuyên suốt trong năm sát với"
                " nhiệm vụ của từng cơ quan, ban, ngành và quán triệt sâu, rộng đến từng cán "
                "bộ, chiến sĩ, đoàn viên, hội viên. Từng cán bộ, chiến sỹ đoàn viên, hội viên "
                "đã phát huy vai trò tích cực sáng tạo, tập trung thực hiện nhiệm vụ nên đã đạt"
                " được kết quả cao."
            ),
        ],
        "causes_weaknesses": [
            (
                "Một số cấp uỷ chưa thực sự quan tâm tới việc chỉ đạo hoạt động phối hợp giữa "
                "Ban CHQS xã với các đoàn thể, nhất là Ban CHQS các xã, thị trấn chưa chủ động "
                "công tác tham mưu cho cấp ủy, chính quyền địa phương về công tác phối hợp hoạt"
                " động. Năng lực công tác tuyên truyền, vận động của cán bộ, chiến sĩ, đoàn "
                "viên, hội viên còn có mặt hạn chế, công tác tuyên truyền, giáo dục chưa duy "
                "trì thường xuyên, liên tục mà thường theo thời điểm, thời gian nhất định, nội "
                "dung tuyên truyền vận động chưa phong phú, đa dạng nên hiệu quả vận động quần "
                "chúng còn thấp."
            ),
            (
                "Việc phối hợp nắm tình hình, thông báo tình hình chưa tốt, chưa phản ánh kịp "
                "thời tâm tư nguyện vọng chính đáng của Nhân dân với cấp uỷ, chính quyền."
            ),
            (
                "Cơ sở vật chất phục vụ cho công tác chuyên môn còn thiếu ở một số xã, chưa "
                "đồng bộ, trình độ dân trí của địa phương về cơ bản còn thấp, các tập tục lạc "
                "hậu, mê tín dị đoan vẫn còn khá phổ biến nên việc tiếp thu cũng hạn chế."
            ),
        ],
        "plan": [
            (
                "1. Các thành viên trong Ban chỉ đạo: Thường xuyên theo dõi, giúp đỡ địa "
                "bàn mình phụ trách, chịu trách nhiệm trước Ban chỉ đạo của huyện. Thực hiện "
                "chế độ thông tin, báo cáo, thông báo kịp thời với Ban chỉ đạo về địa bàn mình "
                "phụ trách."
            ),
            (
                "2. Đối với các đoàn thể cấp huyện và ở cơ sở xã, TT: Tiếp tục đẩy mạnh "
                "công tác tuyên truyền, giáo dục trong cán bộ, chiến sĩ, đoàn viên, hội viên và"
                " tầng lớp Nhân dân về đường lối, chủ trương của Đảng, chính sách pháp luật của"
                " Nhà nước, củng cố niềm tin vào Đảng, vào chế độ xã hội chủ nghĩa. Nâng cao "
                "tinh thần cảnh giác cách mạng, phòng chống có hiệu quả âm mưu chiến lược "
                "“DBHB”, BLLĐ của các thế lực thù địch. Thi đua lập thành tích chào mừng kỷ "
                "niệm các ngày lễ còn lại trong năm của dân tộc, Quân đội và địa phương. Thực "
                "hiện tốt phong trào “Đền ơn đáp nghĩa” nhân ngày thương binh Liệt sỹ; và thực"
                " hiện tốt Quyết định 1237 của Chính phủ về tìm kiếm, cất bốc hài cốt Liệt sỹ. "
                "Làm tốt công tác chăm sóc, giúp đỡ gia đình quân nhân tại ngũ có hoàn cảnh "
                "khó khăn, giúp đỡ và tạo việc làm cho quân nhân xuất ngũ, làm tốt công tác đón"
                " quân nhân xuất ngũ về địa phương. Phối hợp củng cố, xây dựng và phát triển "
                "các tổ chức hội ở cơ sở đi vào hoạt động hiệu quả, tích cực phát triển hội "
                "viên, động viên Nhân dân tích cực tham gia xây dựng chính quyền cơ sở, xây "
                "dựng Quốc phòng - An ninh. Xây dựng kế hoạch cứu hộ, cứu nạn, phòng chống "
                "thiên tai. Tuyên truyền trong hội viên hiểu rõ và thực hiện tốt Luật nghĩa vụ "
                "quân sự, Luật DQTV; Luật DBĐV, động viên con em hội viên tự giác đăng ký "
                "nghĩa vụ quân sự và sẵn sàng lên đường nhập ngũ. Cùng cấp ủy, chính quyền và "
                "các cơ quan chức năng quan tâm giải quyết việc làm cho bộ đội xuất ngũ, tham "
                "gia xây dựng lực lượng DQTV, DBĐV."
            ),
            (
                "Đẩy mạnh và làm tốt công tác phối hợp vận động liên ngành và công tác dân vận "
                "ở cơ sở nhất là các xã về đích nông thôn mới. Củng cố kiện toàn Ban điều phối "
                "xã, thị trấn."
            ),
            (
                "Xây dựng kế hoạch kiểm tra các Ban điều phối 16 xã, thị trấn 6 tháng cuối năm "
                "về công tác phối hợp giữa Ban CHQS xã, thị trấn với các ban, ngành."
            ),
        ],
        "closing": (
            "Trên đây là báo cáo sơ kết chương trình phối hợp hoạt động giữa Ban chỉ huy Quân "
            "sự với 6 đoàn thể huyện 6 tháng đầu năm 2020./."
        ),
        # Bare names: the template adds the leading "- " and the closing ";" / ".".
        "recipients": [
            "BCĐ tỉnh",
            "Phòng Chính trị/Bộ CHQS tỉnh",
            "Ban Dân vận/PCT",
            "Ban Dân vận/Huyện ủy",
            "06 đoàn thể huyện",
            "Lưu: VT, Kh50b",
        ],
        "signature": {
            "on_behalf": "TM. BAN CHỈ ĐẠO",
            "title": "TRƯỞNG BAN",
            "signed_note": "(Đã ký)",
            "name": "Lê Thanh Hải",
        },
        "appendices": [
            {
                "title": "KẾT QUẢ TUYÊN TRUYỀN CỦA CÁC ĐƠN VỊ 6 THÁNG ĐẦU NĂM 2020",
                "columns": ["Đơn vị", "Số cuộc", "Lượt người dự"],
                "rows": [
                    ["Hội Cựu chiến binh", "-", "-"],
                    ["Hội Chữ thập đỏ", "25", "14.250"],
                    ["Hội Nông dân", "127", "9.976"],
                    ["Hội LHPN", "374", "19.163"],
                    ["Liên đoàn lao động", "34", "1.620"],
                    ["Đoàn TNCS Hồ Chí Minh", "47", "2.606"],
                    ["Ban CHQS huyện", "552", "16.036"],
                ],
                "total": ["Tổng cộng", "1.159", "63.651"],
            },
            {
                "title": "QUÀ TẶNG GIA ĐÌNH CHÍNH SÁCH, HỘ NGHÈO, TÂN BINH 6 THÁNG ĐẦU NĂM 2020",
                "columns": ["Đơn vị", "Số phần quà", "Trị giá (đồng)"],
                "rows": [
                    ["Hội Chữ thập đỏ", "10.848", "3.658.673.000"],
                    ["Hội LHPN", "116", "92.800.000"],
                    ["Ban CHQS huyện", "2.500", "750.000.000"],
                    ["Ban CHQS 16 xã, thị trấn", "2.000", "600.000.000"],
                ],
                "total": ["Tổng cộng", "15.464", "5.101.473.000"],
            },
        ],
    }
