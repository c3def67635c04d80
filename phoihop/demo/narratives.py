"""Narrative texts of the demo's submissions, retold from the facts of the seed report."""

from __future__ import annotations

import re
import zlib

# Texts cite figures by placeholder: "{code}" is that indicator's value in the same submission,
# "{xa.code}" its sum over the communes' submissions of the period. Angle-bracket tokens such as
# "<period>" are filled in here, before a text leaves this module.


def _text(source: str) -> str:
    """A wrapped source block as a narrative: a paragraph's lines joined, paragraphs blank-lined."""
    blocks = re.split(r"\n\s*\n", source.strip())
    paragraphs = [" ".join(line.strip() for line in block.splitlines()) for block in blocks]
    return "\n\n".join(p for p in paragraphs if p)


def _fill(template: str, words: dict[str, str]) -> str:
    """Replace every "<name>" token of a template by its word."""
    return re.sub(r"<(\w+)>", lambda match: words[match.group(1)], template)


SEED_PERIOD_LABEL = "6 tháng đầu năm 2020"

OPENING = _text("""
    Trên cơ sở chương trình phối hợp hoạt động đã được Ban Chỉ huy Quân sự và 06 đoàn thể
    {unit_name} ký kết cho cả năm, Ban Chỉ đạo vận động quần chúng liên ngành {unit_name} sơ kết,
    đánh giá kết quả thực hiện {period_label} như sau:
""")

CLOSING = _text("""
    Ban Chỉ đạo vận động quần chúng liên ngành {unit_name} báo cáo kết quả sơ kết chương trình
    phối hợp hoạt động giữa Ban Chỉ huy Quân sự với 06 đoàn thể {period_label} để Ban Chỉ đạo
    cấp trên và các cơ quan liên quan nắm, chỉ đạo./.
""")


# --- the seed period, section by section -------------------------------------------------

DISTRICT_2020S1: dict[str, dict[str, str]] = {
    "chqs": {
        "lanh_dao": _text("""
            Ngay từ đầu năm, Ban Chỉ đạo vận động quần chúng liên ngành huyện đã tổ chức tổng
            kết chương trình phối hợp năm 2019, rút ra những kinh nghiệm cần thiết và ban hành
            kế hoạch triển khai chương trình phối hợp hoạt động năm 2020.

            Trên cơ sở đó, Ban Chỉ đạo giao Ban CHQS 16 xã, thị trấn cùng 06 đoàn thể cơ sở cụ
            thể hóa chương trình thành kế hoạch của từng địa phương. Cấp ủy, chính quyền các
            xã, thị trấn quan tâm lãnh đạo, chỉ đạo sát sao; Ban điều phối liên ngành vận động
            quần chúng ở cơ sở được củng cố, bổ sung thành viên kịp thời khi có biến động.

            Mỗi thành viên Ban Chỉ đạo huyện được giao theo dõi, phụ trách những địa bàn cụ
            thể, nhờ vậy việc đôn đốc, hướng dẫn cơ sở sâu sát hơn và chất lượng công tác phối
            hợp từng bước được nâng lên.
        """),
        "thong_tin": _text("""
            Trong 6 tháng đầu năm 2020, Ban CHQS huyện cùng 06 đoàn thể đã phối hợp đưa nội dung
            tuyên truyền đến với cán bộ, chiến sĩ, đoàn viên, hội viên và các tầng lớp Nhân dân
            trong huyện, tập trung vào đường lối, chủ trương của Đảng, chính sách, pháp luật của
            Nhà nước và các quy định của địa phương. Trọng tâm là tiếp tục đẩy mạnh thực hiện
            Chỉ thị 05 của Bộ Chính trị gắn với Nghị quyết Trung ương 4 (khóa XII); giới thiệu ý
            nghĩa lịch sử của các ngày lễ lớn của đất nước và địa phương; thông tin về Đại hội
            đại biểu Đảng bộ huyện Bù Đăng lần thứ VIII, Đại hội đại biểu Đảng bộ tỉnh Bình
            Phước lần thứ XI, hướng tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng. Tổng
            hợp trên toàn địa bàn đã tổ chức {xa.tt_duong_loi_cuoc} cuộc, thu hút
            {xa.tt_duong_loi_luot} lượt người dự nghe.

            Song song với đó, các lực lượng phối hợp phổ biến các chỉ thị, nghị quyết của Đảng,
            Luật Nghĩa vụ quân sự, Luật Dân quân tự vệ, Luật Lực lượng dự bị động viên và các
            nghị định hướng dẫn của Chính phủ; giáo dục truyền thống của Đảng, của Quân đội,
            của quê hương Bù Đăng và của từng ngành. Kết quả có {xa.tt_qp_cuoc} cuộc với
            {xa.tt_qp_luot} lượt người tham dự, trong số đó có {xa.tt_qp_thanh_nien} thanh niên
            trong độ tuổi nhập ngũ; nội dung được ưu tiên hàng đầu là phục vụ công tác tuyển
            quân năm 2020 - 2021.

            Bên cạnh công tác tuyên truyền, các đơn vị đã triển khai nội dung phong trào Thi
            đua Quyết thắng của lực lượng vũ trang, gắn kết với phong trào thi đua yêu nước ở
            địa phương, đồng thời làm tốt công tác dân vận, vận động quần chúng.
        """),
        "quoc_phong": _text("""
            Ban CHQS huyện duy trì chặt chẽ mối quan hệ phối hợp với 06 đoàn thể trong việc tham
            mưu để Huyện ủy, UBND huyện lãnh đạo, chỉ đạo xây dựng nền quốc phòng toàn dân, thế
            trận chiến tranh nhân dân gắn với thế trận an ninh nhân dân. Các lực lượng cùng chăm
            lo xây dựng lực lượng vũ trang huyện vững mạnh, nâng cao chất lượng huấn luyện và
            khả năng sẵn sàng chiến đấu trước yêu cầu nhiệm vụ mới; tham gia xây dựng cơ sở
            chính trị vững mạnh toàn diện, xây dựng thôn, ấp văn hóa, giữ vững an ninh chính
            trị, trật tự an toàn xã hội. Ở từng địa phương, đoàn viên, hội viên các tổ chức cơ
            sở giữ vai trò nòng cốt trong xây dựng nền quốc phòng toàn dân.

            Cùng với các cấp hội, Ban CHQS đã giáo dục truyền thống, phổ biến Luật Nghĩa vụ quân
            sự, Luật Dân quân tự vệ, Luật Lực lượng dự bị động viên, nâng cao ý thức trách nhiệm
            bảo vệ Tổ quốc cho đoàn viên thanh niên, đoàn viên công đoàn, hội viên và Nhân dân.
            Lực lượng DQTV được xây dựng đủ về số lượng, đạt {dqtv_ty_le_dan_so} so với dân số;
            quân nhân dự bị được sắp xếp vào các đơn vị của Bộ Quốc phòng, của tỉnh và của huyện
            đạt {dbdv_ty_le_bien_che}, độ tin cậy về chính trị ngày càng được nâng lên. Đảng
            viên chiếm {dqtv_ty_le_dang_vien} trong lực lượng DQTV, cụ thể: Dân quân
            {dq_ty_le_dang_vien}, Tự vệ {tv_ty_le_dang_vien}. Việc phúc tra, bổ sung biên chế
            lực lượng DBĐV được tiến hành thường xuyên theo kế hoạch; tỷ lệ đảng viên trong số
            quân nhân dự bị đã xếp vào đơn vị là {dbdv_ty_le_dang_vien}.

            Các lực lượng phối hợp xây dựng thế trận quốc phòng - an ninh ở từng xã, thị trấn;
            thông qua tuyên truyền giúp mỗi đoàn thể nắm vững những nội dung cơ bản, yêu cầu và
            nhiệm vụ của thế trận quốc phòng toàn dân trên địa bàn. Cán bộ, chiến sĩ, đoàn viên,
            hội viên phát huy tốt vai trò, trách nhiệm trong xây dựng xóm, ấp, xã, thị trấn vững
            mạnh về quốc phòng - an ninh; cùng các tổ chức chính trị - xã hội thực hiện chính
            sách hậu phương quân đội.

            Phong trào đền ơn đáp nghĩa tiếp tục được Nhân dân hưởng ứng rộng rãi; vào các dịp
            lễ, tết, các lực lượng đã phối hợp thăm hỏi, động viên gia đình thương binh, liệt sĩ
            và gia đình người có công với cách mạng.
        """),
        "phoi_hop": _text("""
            Trong 6 tháng đầu năm 2020, Ban CHQS huyện làm tốt vai trò tham mưu cho Huyện ủy,
            UBND huyện về công tác quân sự, quốc phòng địa phương và giữ mối phối hợp thường
            xuyên với các ban, ngành, đoàn thể. Phục vụ công tác tuyển chọn và gọi công dân nhập
            ngũ năm 2020, Ban CHQS đã phối hợp tổ chức {tt_qp_cuoc} cuộc tuyên truyền với
            {tt_qp_luot} lượt người tham dự, trong đó có {tt_qp_thanh_nien} thanh niên trong độ
            tuổi gọi nhập ngũ.

            Nhiều hình thức tuyên truyền, vận động, giáo dục Luật Nghĩa vụ quân sự năm 2015 được
            vận dụng linh hoạt, giúp thân nhân và gia đình thanh niên hiểu đúng quyền lợi, nghĩa
            vụ của công dân, từ đó động viên con em lên đường làm nghĩa vụ quân sự. Kết quả, toàn
            huyện có {nhap_ngu_tinh_nguyen} thanh niên tự nguyện đăng ký nhập ngũ, trong số này
            {nhap_ngu_lau_dai} trường hợp xin được phục vụ lâu dài trong Quân đội.
        """),
        "dan_van": _text("""
            Ban CHQS huyện ban hành kế hoạch và chỉ đạo Ban CHQS 16 xã, thị trấn triển khai công
            tác dân vận dịp Tết Nguyên đán Canh Tý. Lực lượng dân quân thường trực xã và dân quân
            các thôn đã cùng các ban, ngành, đoàn thể địa phương phát quang các tuyến đường liên
            thôn, dọn vệ sinh nhà văn hóa cộng đồng và khu bia tưởng niệm, tổng cộng
            {dan_van_ngay_cong} ngày công, riêng lực lượng dân quân đóng góp
            {dan_van_ngay_cong_dq} ngày công; đồng thời thăm hỏi, trao {dan_van_qua_so} phần quà
            cho gia đình chính sách và hộ nghèo, mỗi phần trị giá {dan_van_qua_moi_phan} đồng.

            Công tác dân vận - tuyên truyền đặc biệt được thực hiện có hiệu quả tại vùng đồng
            bào dân tộc thiểu số và các khu di tích lịch sử vào dịp lễ, tết; lực lượng vũ trang
            huyện còn tham gia giúp Nhân dân khắc phục hậu quả lốc xoáy, lũ lụt và xây dựng nông
            thôn mới. Cụ thể, Ban CHQS huyện đã đến thăm, tặng quà {dtts_qua_gia_dinh} gia đình
            đồng bào dân tộc có hoàn cảnh khó khăn ở thôn 7, xã Đoàn Kết, mỗi phần quà trị giá
            {dtts_qua_moi_phan} đồng; tặng quà {cs_qua_gia_dinh} gia đình chính sách trên địa
            bàn huyện với tổng trị giá {cs_qua_gia_tri} đồng, bình quân {cs_qua_binh_quan} đồng
            một phần.

            Cũng trong dịp này, Đảng ủy, Ban CHQS huyện trao {dqtt_qua_so} phần quà động viên
            các đồng chí dân quân thường trực của các xã, mỗi đồng chí một phần trị giá
            {dqtt_qua_moi_phan} đồng, tổng cộng {dqtt_qua_gia_tri} đồng.
        """),
        "co_so": _text("""
            Ban CHQS 16 xã, thị trấn đã tham mưu tốt cho cấp ủy, chính quyền cơ sở trong lãnh
            đạo, chỉ đạo công tác vận động quần chúng. Các đơn vị chủ động lập kế hoạch phối
            hợp, ban hành quyết định củng cố, kiện toàn Ban điều phối vận động quần chúng liên
            ngành, tổ chức quán triệt và triển khai thực hiện đến từng thôn, ấp.

            Theo sự chỉ đạo của Ban CHQS xã, thị trấn, lực lượng dân quân thường trực và dân
            quân thôn cùng các ban, ngành, đoàn thể địa phương ra quân phát quang đường liên
            thôn, vệ sinh nhà văn hóa cộng đồng, khu bia tưởng niệm với tổng số
            {xa.dan_van_ngay_cong} ngày công, trong đó dân quân đóng góp
            {xa.dan_van_ngay_cong_dq} ngày công; tổ chức thăm, tặng {xa.dan_van_qua_so} phần quà
            cho gia đình chính sách, hộ nghèo, mỗi phần trị giá {xa.dan_van_qua_moi_phan} đồng.

            Ban CHQS các xã, thị trấn phối hợp với các lực lượng trên địa bàn thực hiện nghiêm
            Nghị định số 03/2019/NĐ-CP của Chính phủ, giữ vững an toàn địa bàn; kịp thời tham
            mưu xử lý các tình huống phát sinh, tăng cường phối hợp đấu tranh phòng, chống tội
            phạm, bảo đảm an ninh chính trị, trật tự an toàn xã hội.
        """),
        "diem_manh": _text("""
            Sáu tháng đầu năm 2020, Ban Chỉ đạo vận động quần chúng liên ngành huyện đã thực hiện
            tốt chức năng tham mưu để Huyện ủy, UBND huyện lãnh đạo toàn diện nhiệm vụ quân sự,
            quốc phòng. Nền quốc phòng toàn dân tiếp tục được củng cố, khu vực phòng thủ huyện
            ngày càng vững chắc, góp phần giữ ổn định chính trị, trật tự an toàn xã hội và tạo
            môi trường thuận lợi cho phát triển kinh tế - xã hội của huyện.

            Việc lãnh đạo, chỉ đạo và tổ chức thực hiện bảo đảm chặt chẽ, thống nhất; nhiệm vụ
            được phân công rõ cho từng ngành nên mang lại hiệu quả cao. Cán bộ, chiến sĩ, đoàn
            viên, hội viên nắm chắc kế hoạch, chương trình công tác của ngành mình và phối hợp
            nhịp nhàng, tạo sự đồng thuận từ nhận thức đến hành động. Lực lượng vũ trang địa
            phương và các đoàn thể tiếp tục được xây dựng vững mạnh về mọi mặt, làm tốt công tác
            tuyên truyền, giáo dục, vận động theo chức năng, nhiệm vụ; các chỉ tiêu chủ yếu của
            chương trình phối hợp cơ bản được hoàn thành.

            Nhờ hoạt động phối hợp, quần chúng nâng cao cảnh giác trước âm mưu, thủ đoạn “diễn
            biến hòa bình”, bạo loạn lật đổ của các thế lực thù địch, nhất là đối với các vấn đề
            biên giới, biển đảo và những văn bản luật mới ban hành. Chính sách hậu phương quân
            đội cùng các vấn đề chính sách còn tồn đọng sau chiến tranh được giải quyết tốt. Lòng
            yêu nước, tinh thần cách mạng của Nhân dân được khơi dậy qua các phong trào “Toàn dân
            đoàn kết xây dựng nông thôn mới, đô thị văn minh”, “Toàn dân bảo vệ Tổ quốc”; cơ sở
            chính trị ở địa phương ngày càng vững mạnh toàn diện, tiềm lực quốc phòng, chính trị,
            tinh thần và vật chất của từng cơ sở được tăng cường, đáp ứng yêu cầu bảo vệ Tổ quốc
            trong tình hình mới.
        """),
        "han_che": _text("""
            Một số nội dung phối hợp chưa được duy trì thường xuyên, thiếu chặt chẽ; việc tổng
            hợp, báo cáo, trao đổi thông tin có lúc chậm và chưa bám sát nội dung chương trình
            đã ký kết từ đầu năm. Hiệu quả của một vài nội dung phối hợp còn thấp.

            Đợt kiểm tra 6 tháng đầu năm tại các xã, thị trấn chưa đủ thành phần; khâu chuẩn bị
            ở một số xã còn yếu, Ban điều phối chưa có quy chế hoạt động, số liệu trong báo cáo
            của các ngành chưa khớp nhau.

            Việc nắm tình hình tư tưởng Nhân dân và an ninh nông thôn có lúc chưa sâu sát, để
            xảy ra tình trạng xây dựng nhà thờ, nhà nguyện và truyền đạo trái phép. Việc xây
            dựng lực lượng nòng cốt trong Nhân dân, nhất là ở vùng đồng bào dân tộc thiểu số và
            vùng có đạo, chưa được quan tâm đúng mức. Các ngành chưa xây dựng được kế hoạch phối
            hợp chung mà chủ yếu dựa vào kế hoạch của Huyện ủy, UBND huyện; tuyên truyền ở một
            số lĩnh vực chưa chuyên sâu nên hiệu quả còn hạn chế.
        """),
        "nguyen_nhan_manh": _text("""
            Kết quả trên có được trước hết nhờ sự lãnh đạo, chỉ đạo, hướng dẫn thường xuyên của
            Ban Chỉ đạo vận động quần chúng liên ngành tỉnh và các cơ quan cấp trên, cùng sự
            quan tâm sâu sát của Huyện ủy, UBND huyện.

            Ban Chỉ đạo vận động quần chúng liên ngành huyện xây dựng chương trình phối hợp
            xuyên suốt cả năm, phù hợp với nhiệm vụ của từng cơ quan, ban, ngành, và quán triệt
            đến từng cán bộ, chiến sĩ, đoàn viên, hội viên. Mỗi cán bộ, chiến sĩ, đoàn viên, hội
            viên đều chủ động, sáng tạo, dồn sức hoàn thành nhiệm vụ được giao nên kết quả đạt
            được khá cao.
        """),
        "nguyen_nhan_han_che": _text("""
            Một số cấp ủy chưa thật sự quan tâm chỉ đạo hoạt động phối hợp giữa Ban CHQS xã với
            các đoàn thể; Ban CHQS nhiều xã, thị trấn còn thiếu chủ động trong tham mưu cho cấp
            ủy, chính quyền về công tác này.

            Năng lực tuyên truyền, vận động của một bộ phận cán bộ, chiến sĩ, đoàn viên, hội
            viên còn hạn chế; tuyên truyền, giáo dục chưa được duy trì liên tục mà thường dồn
            vào từng đợt, nội dung và hình thức chưa phong phú, vì thế hiệu quả vận động quần
            chúng chưa cao.

            Sự phối hợp trong nắm và thông báo tình hình chưa tốt; tâm tư, nguyện vọng chính
            đáng của Nhân dân chưa được phản ánh kịp thời đến cấp ủy, chính quyền.

            Ở một số xã, cơ sở vật chất phục vụ chuyên môn còn thiếu và chưa đồng bộ; trình độ
            dân trí nhìn chung còn thấp, hủ tục lạc hậu, mê tín dị đoan còn khá phổ biến, làm
            hạn chế khả năng tiếp thu của người dân.
        """),
        "phuong_huong": _text("""
            Thành viên Ban Chỉ đạo tiếp tục theo dõi, hỗ trợ địa bàn được phân công phụ trách
            và chịu trách nhiệm trước Ban Chỉ đạo huyện về kết quả ở địa bàn đó; duy trì nghiêm
            chế độ thông tin, báo cáo, kịp thời thông báo tình hình địa bàn về Ban Chỉ đạo.

            Các đoàn thể huyện và cơ sở xã, thị trấn đẩy mạnh tuyên truyền, giáo dục cán bộ,
            chiến sĩ, đoàn viên, hội viên và Nhân dân về đường lối, chủ trương của Đảng, chính
            sách, pháp luật của Nhà nước, củng cố niềm tin vào Đảng và chế độ xã hội chủ nghĩa;
            nâng cao cảnh giác cách mạng, đấu tranh có hiệu quả với âm mưu “diễn biến hòa bình”,
            bạo loạn lật đổ của các thế lực thù địch. Phát động thi đua lập thành tích chào mừng
            các ngày lễ lớn còn lại trong năm của dân tộc, của Quân đội và của địa phương.

            Làm tốt phong trào “Đền ơn đáp nghĩa” nhân Ngày Thương binh - Liệt sĩ 27/7; thực
            hiện Quyết định 1237 của Thủ tướng Chính phủ về tìm kiếm, quy tập hài cốt liệt sĩ.
            Chăm lo, giúp đỡ gia đình quân nhân tại ngũ có hoàn cảnh khó khăn; đón tiếp chu đáo
            quân nhân xuất ngũ trở về địa phương, hỗ trợ tìm kiếm, tạo việc làm cho họ.

            Phối hợp củng cố, phát triển tổ chức hội ở cơ sở, tăng cường phát triển hội viên,
            vận động Nhân dân tham gia xây dựng chính quyền cơ sở và xây dựng quốc phòng - an
            ninh vững mạnh; xây dựng kế hoạch cứu hộ, cứu nạn, phòng, chống thiên tai. Tuyên
            truyền để hội viên hiểu và thực hiện tốt Luật Nghĩa vụ quân sự, Luật Dân quân tự vệ,
            Luật Lực lượng dự bị động viên; vận động con em hội viên tự giác đăng ký nghĩa vụ
            quân sự, sẵn sàng nhập ngũ; cùng cấp ủy, chính quyền giải quyết việc làm cho bộ đội
            xuất ngũ, tham gia xây dựng lực lượng DQTV, DBĐV.

            Nâng cao chất lượng phối hợp vận động liên ngành và công tác dân vận ở cơ sở, trước
            hết ở các xã về đích nông thôn mới; củng cố, kiện toàn Ban điều phối các xã, thị
            trấn.

            Lập kế hoạch kiểm tra công tác phối hợp giữa Ban CHQS với các ban, ngành, đoàn thể
            tại Ban điều phối 16 xã, thị trấn trong 6 tháng cuối năm 2020.
        """),
    },
    "ccb": {
        "phoi_hop": _text("""
            - Sáu tháng đầu năm 2020, Hội Cựu chiến binh huyện tập trung tuyên truyền, giáo dục
            cán bộ, chiến sĩ, hội viên và Nhân dân hiểu sâu đường lối, chủ trương của Đảng,
            chính sách, pháp luật của Nhà nước, đặc biệt là Nghị quyết Trung ương 8 (khóa XI) về
            “Chiến lược bảo vệ Tổ quốc trong tình hình mới”, qua đó củng cố lòng tin vào Đảng và
            chế độ xã hội chủ nghĩa. Hội viên nâng cao cảnh giác cách mạng, góp phần đấu tranh
            có hiệu quả với âm mưu “diễn biến hòa bình”, bạo loạn lật đổ của các thế lực thù
            địch.

            - Hội động viên cán bộ, hội viên gương mẫu thực hiện Chỉ thị 05 của Bộ Chính trị về
            đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; tổ chức các
            hoạt động đền ơn đáp nghĩa thiết thực chào mừng 90 năm Ngày thành lập Đảng Cộng sản
            Việt Nam và 45 năm Ngày giải phóng miền Nam, thống nhất đất nước; phổ biến Pháp lệnh
            Cựu chiến binh và nghị định của Chính phủ hướng dẫn thi hành Pháp lệnh.

            - Các cấp hội vận động gia đình hội viên và Nhân dân có con em trong độ tuổi nắm
            vững Luật Nghĩa vụ quân sự, chấp hành nghiêm việc khám tuyển, xét duyệt hồ sơ, sẵn
            sàng lên đường nhập ngũ năm 2020; giáo dục thế hệ trẻ về chủ quyền lãnh thổ quốc gia
            và truyền thống anh hùng của Quân đội nhân dân Việt Nam. Hội cùng các lực lượng thực
            hiện có hiệu quả phong trào chung sức xây dựng nông thôn mới.

            - Hội phát động cán bộ, hội viên và Nhân dân tích cực cung cấp thông tin, tìm kiếm
            mộ liệt sĩ; phối hợp tham mưu cho cấp ủy, chính quyền giải quyết đầy đủ chế độ,
            chính sách đối với các đối tượng chính sách trong huyện. Các đoàn thể và Nhân dân
            được vận động chăm lo, giúp đỡ gia đình quân nhân tại ngũ gặp khó khăn, hỗ trợ và
            tạo việc làm cho quân nhân xuất ngũ.

            - Tổ chức Hội Cựu chiến binh ở cơ sở tiếp tục được củng cố, hoạt động hiệu quả, số
            hội viên tăng thêm; hội viên vận động Nhân dân tham gia xây dựng chính quyền cơ sở,
            xây dựng quốc phòng - an ninh và khu vực phòng thủ huyện vững chắc.
        """),
    },
    "ctd": {
        "tuyen_truyen": _text("""
            Sáu tháng đầu năm 2020, Hội Chữ thập đỏ huyện cùng Ban CHQS huyện và các ban, ngành,
            đoàn thể tổ chức tuyên truyền, vận động Nhân dân về đường lối, chủ trương của Đảng,
            chính sách, pháp luật của Nhà nước; vận động đoàn viên thanh niên trong độ tuổi tham
            gia khám tuyển nghĩa vụ quân sự, sẵn sàng lên đường bảo vệ Tổ quốc; tuyên truyền kỷ
            niệm các ngày lễ lớn của đất nước, của địa phương. Hội đã tổ chức {tt_duong_loi_cuoc}
            cuộc, thu hút {tt_duong_loi_luot} lượt cán bộ, hội viên và Nhân dân tham dự; treo
            {tt_bang_ron} băng rôn; tổng kinh phí dành cho tuyên truyền là {tt_kinh_phi} đồng.
        """),
        "nhan_dao": _text("""
            Hội Chữ thập đỏ huyện phối hợp với các ngành vận động các tổ chức, cá nhân trong và
            ngoài huyện chung tay chăm lo Tết cho người nghèo, trao tặng {tet_qua_so} phần quà
            với tổng trị giá {tet_qua_gia_tri} đồng. Hội hỗ trợ {ngheo_doi_tuong} đối tượng nghèo
            có hoàn cảnh đặc biệt khó khăn, tổng số tiền {ngheo_so_tien} đồng; bàn giao
            {nha_ctd_so} căn nhà Chữ thập đỏ trị giá {nha_ctd_gia_tri} đồng; chi thăm hỏi người ốm
            đau, gia đình có tang {om_dau_so_tien} đồng.

            Hội còn phối hợp vận động trao {hoc_bong_so} suất học bổng cho học sinh nghèo, trị
            giá {hoc_bong_gia_tri} đồng, và duy trì {bep_com_so} bếp cơm tình thương tại trường
            học, bệnh viện với kinh phí {bep_com_gia_tri} đồng.

            Cán bộ, hội viên và Nhân dân được vận động đóng góp công sức, vật chất xây dựng các
            công trình phúc lợi xã hội, nhân đạo ở địa phương và các cơ sở nuôi dưỡng người già,
            người khuyết tật, trẻ mồ côi không nơi nương tựa; xây dựng nhà tình nghĩa, nhà tình
            thương cho gia đình chính sách, đồng bào dân tộc thiểu số khó khăn, góp phần thực
            hiện tốt chính sách hậu phương quân đội.
        """),
        "so_cuu": _text("""
            Các chốt sơ cấp cứu trên địa bàn hoạt động hiệu quả, đã sơ cứu an toàn {so_cuu_ca}
            ca, trong đó tai nạn giao thông {so_cuu_tngt} ca, các tai nạn khác {so_cuu_khac}
            người; kinh phí chi cho công tác sơ cấp cứu là {so_cuu_kinh_phi} đồng.
        """),
        "hien_mau": _text("""
            Với vai trò cơ quan thường trực Ban Chỉ đạo vận động hiến máu tình nguyện của huyện,
            Hội Chữ thập đỏ phối hợp với các ngành liên quan và Trung tâm Truyền máu Bệnh viện
            Chợ Rẫy tổ chức {hien_mau_dot} đợt hiến máu tình nguyện, tiếp nhận {hien_mau_don_vi}
            đơn vị máu.
        """),
    },
    "nd": {
        "tuyen_truyen": _text("""
            Căn cứ nội dung chương trình đã ký kết, Ban CHQS và Hội Nông dân huyện thống nhất cụ
            thể hóa các nội dung phối hợp; hoạt động phối hợp được duy trì đều đặn, nền nếp.
            Hội tổ chức {tt_qp_cuoc} cuộc tuyên truyền với {tt_qp_luot} lượt cán bộ, hội viên
            tham gia, giúp hội viên hiểu rõ và chấp hành nghiêm Luật Nghĩa vụ quân sự, Luật Dân
            quân tự vệ, Pháp lệnh về Lực lượng dự bị động viên, động viên con em tự giác, tình
            nguyện thực hiện nghĩa vụ quân sự. Cùng với cấp ủy, chính quyền và cơ quan chức
            năng, Hội tham gia giải quyết việc làm cho bộ đội xuất ngũ, xây dựng lực lượng DQTV,
            DBĐV vững mạnh.

            Hội phối hợp tuyên truyền cho cán bộ, hội viên nông dân về đường lối, chủ trương của
            Đảng, chính sách, pháp luật của Nhà nước, tổ chức các hoạt động thiết thực chào mừng
            các ngày lễ lớn của đất nước; nâng cao nhận thức, trách nhiệm của hội viên, nông dân
            trong phong trào toàn dân bảo vệ an ninh Tổ quốc với {tt_an_ninh_cuoc} cuộc,
            {tt_an_ninh_luot} lượt cán bộ, hội viên tham dự. Hội viên và Nhân dân luôn đề cao
            cảnh giác trước mọi âm mưu, thủ đoạn của các thế lực thù địch; các cấp hội vận động
            con em trong độ tuổi đăng ký và thực hiện nghĩa vụ quân sự đạt {nvqs_ty_le_dang_ky}.
        """),
        "phong_dich": _text("""
            Trong 6 tháng đầu năm 2020, các cơ sở hội phối hợp ra quân tuyên truyền phòng, chống
            dịch Covid-19, phát {covid_to_roi} tờ rơi hướng dẫn biện pháp phòng dịch. Hội tham
            gia vận động các cơ sở tôn giáo tạm dừng các buổi lễ tập trung đông người; thành lập
            {covid_to_phan_ung} tổ phản ứng nhanh, mỗi tổ {covid_to_nguoi} người, để nắm tình
            hình tại cơ sở; đến {covid_ho_khai_bao} hộ gia đình có người thân từ địa phương khác
            trở về, hướng dẫn khai báo y tế và ký cam kết cách ly tại nhà.

            Hội vận động các tổ chức, cá nhân ủng hộ công tác phòng, chống dịch Covid-19 được
            {covid_ung_ho} đồng.
        """),
    },
    "pn": {
        "tuyen_truyen": _text("""
            Sáu tháng đầu năm 2020, Hội LHPN huyện phối hợp tuyên truyền kỷ niệm các ngày lễ,
            tết: 90 năm Ngày thành lập Đảng Cộng sản Việt Nam, 45 năm Ngày giải phóng miền Nam,
            130 năm Ngày sinh Chủ tịch Hồ Chí Minh, 45 năm Ngày giải phóng tỉnh Bình Phước; đồng
            thời vận động quần chúng thực hiện đường lối, chủ trương của Đảng, chính sách, pháp
            luật của Nhà nước. Kết quả có {tt_duong_loi_cuoc} cuộc với {tt_duong_loi_luot} lượt
            cán bộ, hội viên tham gia. Riêng Luật Nghĩa vụ quân sự được tuyên truyền qua
            {tt_qp_cuoc} cuộc, thu hút {tt_qp_luot} lượt cán bộ, hội viên.

            Hội hưởng ứng và tuyên truyền Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt
            Nam”, cuộc thi “Áo dài đẹp qua ảnh năm 2020”, phong trào “Toàn dân đoàn kết xây dựng
            đời sống văn hóa”, “Người Bình Phước nói lời hay, làm việc tốt”, góp phần xây dựng
            nông thôn mới, đô thị văn minh: tổ chức {tt_phong_trao_cuoc} cuộc, có
            {tt_phong_trao_luot} lượt chị em tham dự.
        """),
        "hau_phuong": _text("""
            Công tác hậu phương quân đội luôn được Hội quan tâm và phối hợp chặt chẽ. Hội tham
            mưu Huyện ủy, UBND huyện trao {tan_binh_qua_so} phần quà cho tân binh, trị giá
            {tan_binh_qua_gia_tri} đồng. Cán bộ, hội viên đóng góp {covid_ung_ho} đồng ủng hộ
            phòng, chống dịch Covid-19; từ nguồn này, Hội đến thăm, tặng nhu yếu phẩm cho
            {covid_chot_so} chốt kiểm dịch trên địa bàn huyện, trị giá {covid_chot_gia_tri} đồng.

            Hội LHPN huyện đến thăm, trao {don_vi_qua_so} phần quà trị giá {don_vi_qua_gia_tri}
            đồng và cùng cán bộ, chiến sĩ Trung đội bộ binh 290 gói bánh chưng đón Tết, qua đó
            thắt chặt tình cảm gắn bó giữa Ban CHQS huyện với các ban, ngành của huyện. Hội cùng
            các ngành đến thăm, ủng hộ {bien_phong_don} đồn biên phòng làm nhiệm vụ phòng, chống
            dịch Covid-19 với số tiền {bien_phong_gia_tri} đồng.

            Hội hướng dẫn cơ sở thực hiện tốt các nhiệm vụ trọng tâm, xây dựng tổ chức hội vững
            mạnh, góp phần thực hiện thắng lợi hai nhiệm vụ chiến lược xây dựng và bảo vệ vững
            chắc Tổ quốc Việt Nam xã hội chủ nghĩa.
        """),
    },
    "ldld": {
        "phoi_hop": _text("""
            - Sáu tháng đầu năm 2020, Liên đoàn Lao động huyện tổ chức tuyên truyền, giáo dục
            truyền thống cách mạng, chủ trương, đường lối của Đảng, chính sách, pháp luật của
            Nhà nước cho cán bộ, công nhân viên chức, người lao động và chiến sĩ trong huyện
            được {tt_duong_loi_cuoc} cuộc với {tt_duong_loi_luot} lượt người dự nghe. Liên đoàn
            chỉ đạo công đoàn cơ sở tích cực đóng góp, hưởng ứng các cuộc vận động do tỉnh,
            huyện phát động.

            - Liên đoàn phối hợp huấn luyện lực lượng tự vệ cơ quan, nâng cao trình độ và khả
            năng sẵn sàng chiến đấu, góp phần bảo vệ an ninh trật tự tại cơ quan, đơn vị; chủ
            động nắm tình hình tư tưởng trong Nhân dân, kịp thời tham mưu cho huyện xây dựng
            phương án bảo đảm an ninh trật tự, sớm phát hiện các tình huống có thể xảy ra.

            - Thanh niên, cán bộ, công nhân viên chức, người lao động trong độ tuổi được tuyên
            truyền, vận động đăng ký, khám tuyển và thực hiện nghĩa vụ quân sự, tham gia tập
            huấn, huấn luyện đạt chỉ tiêu được giao. Liên đoàn phối hợp tổ chức Lễ hội ẩm thực
            và Hội trại tiễn thanh niên lên đường nhập ngũ, giới thiệu việc làm cho bộ đội xuất
            ngũ.

            - Tổ chức công đoàn tiếp tục được củng cố, xây dựng vững mạnh; đoàn viên được phát
            triển cả về số lượng và chất lượng.
        """),
    },
    "dtn": {
        "tuyen_truyen": _text("""
            - Sáu tháng đầu năm 2020, Huyện đoàn phối hợp với Ban CHQS huyện đẩy mạnh phong trào
            Đoàn thanh niên trong và ngoài Quân đội, tổ chức học tập lý luận chính trị cho thanh
            niên; tổ chức hội thi, hội diễn văn nghệ, thể dục thể thao chào mừng các ngày lễ lớn
            3/2, 26/3, 30/4, 19/5. Đoàn viên thanh niên tham gia tích cực công tác dân vận, xây
            dựng nông thôn mới, cùng các đoàn thể, chính quyền giữ vững an ninh chính trị, trật
            tự an toàn xã hội. Thế hệ trẻ được giáo dục nâng cao nhận thức chính trị, trách
            nhiệm với nhiệm vụ xây dựng và bảo vệ Tổ quốc, xây dựng lực lượng vũ trang; nhận
            diện rõ âm mưu “diễn biến hòa bình”, bạo loạn lật đổ, đề cao cảnh giác cách mạng.
            Đoàn viên thanh niên được vận động đi đầu trong các phong trào ở địa phương, đấu
            tranh chống tham nhũng, buôn lậu, tệ nạn xã hội, giữ vững ANCT-TTATXH, với
            {tt_an_ninh_cuoc} cuộc, {tt_an_ninh_luot} lượt đoàn viên thanh niên tham gia.

            - Huyện đoàn phối hợp giáo dục thanh, thiếu niên về truyền thống đấu tranh của quân
            và dân ta trong hai cuộc kháng chiến chống thực dân Pháp và đế quốc Mỹ thông qua các
            hoạt động về nguồn, giao lưu văn nghệ, thể dục thể thao; tuyên truyền Luật Nghĩa vụ
            quân sự để thanh niên thấy rõ quyền lợi, trách nhiệm và niềm vinh dự khi tham gia
            bảo vệ Tổ quốc. Đoàn làm tốt việc tạo nguồn đoàn viên ưu tú để phát triển đảng viên
            trước khi nhập ngũ và thanh niên đủ điều kiện phục vụ lâu dài trong Quân đội; động
            viên đoàn viên, thanh niên rèn luyện toàn diện, sẵn sàng nhận và hoàn thành tốt
            nhiệm vụ được giao: {tt_qp_cuoc} cuộc với {tt_qp_luot} lượt đoàn viên thanh niên
            tham gia.
        """),
        "phong_trao": _text("""
            - Huyện đoàn phối hợp tổ chức trang trọng lễ tuyên dương {tuyen_duong_thanh_nien}
            thanh niên lên đường làm nhiệm vụ bảo vệ Tổ quốc năm 2020; tăng cường giao lưu văn
            nghệ, thể dục thể thao với cán bộ, chiến sĩ Trung đội bộ binh 290 trong các dịp lễ,
            tết. Đoàn viên phối hợp vệ sinh Khu bảo tồn văn hóa Sóc Bom Bo, tham gia xây dựng
            nông thôn mới với {tt_phong_trao_cuoc} cuộc, {tt_phong_trao_luot} lượt cán bộ, chiến
            sĩ, đoàn viên tham gia.

            - Công tác xây dựng, củng cố tổ chức cơ sở đoàn và phát triển đoàn viên được chú
            trọng; Huyện đoàn bồi dưỡng nghiệp vụ công tác đoàn, nâng cao chất lượng đội ngũ cán
            bộ đoàn. Hoạt động của chi đoàn Dân quân cơ động được nâng lên; Đoàn tích cực giới
            thiệu đoàn viên ưu tú trong lực lượng DQTV, DBĐV để xem xét kết nạp Đảng, làm tốt
            phong trào đền ơn đáp nghĩa đối với gia đình thương binh, liệt sĩ ở địa phương.
        """),
    },
}


# --- words of a period -------------------------------------------------------------------

_CAN = ("Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ")
_CHI = ("Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi")


def _lunar_year(year: int) -> str:
    """The sexagenary name of the lunar year that starts in this year: 2020 → "Canh Tý"."""
    return f"{_CAN[year % 10]} {_CHI[year % 12]}"


_COVID_YEARS = (2020, 2021)


def _parse_period(period_label: str) -> tuple[int, bool]:
    """The year of a half-year label and whether it is the first half."""
    match = re.search(r"\d{4}", period_label)
    return (int(match.group()) if match else 2020), "đầu" in period_label


def _period_words(period_label: str) -> dict[str, str]:
    """The words a text of this period needs: its year, Tết, anniversaries, laws."""
    year, first_half = _parse_period(period_label)
    covid = year in _COVID_YEARS
    # The 2019 laws and decree: Nghị định 03/2019 (9/2019), Luật Lực lượng DBĐV (11/2019).
    new_laws = (year, not first_half) >= (2019, True)
    words = {
        "period": period_label,
        "year": str(year),
        "prev_year": str(year - 1),
        "next_year": str(year + 1),
        "tet": _lunar_year(year),
        "next_tet": _lunar_year(year + 1),
        "dang": str(year - 1930),
        "mien_nam": str(year - 1975),
        "bac": str(year - 1890),
        "tbls": str(year - 1947),
        "quoc_khanh": str(year - 1945),
        "qdnd": str(year - 1944),
        "qptd": str(year - 1989),
        "dbdv_law": "Luật Lực lượng dự bị động viên"
        if new_laws
        else "Pháp lệnh về Lực lượng dự bị động viên",
        "decree": "Nghị định số 03/2019/NĐ-CP" if new_laws else "Nghị định số 77/2010/NĐ-CP",
        "covid_events": ", cùng các biện pháp phòng, chống dịch Covid-19" if covid else "",
    }
    if first_half:
        words |= {
            "events": f"ý nghĩa các ngày lễ lớn dịp mừng Đảng, mừng Xuân {words['tet']}",
            "anniversaries": (
                f"kỷ niệm {words['dang']} năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02), "
                f"{words['mien_nam']} năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4) "
                f"và {words['bac']} năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5)"
            ),
            "qp_focus": f"công tác tuyển chọn, gọi công dân nhập ngũ năm {year}",
            "qp_goal": f"góp phần hoàn thành chỉ tiêu giao quân năm {year} của địa phương",
            "event": f"dịp Tết Nguyên đán {words['tet']}",
            "works": (
                "phát quang đường liên thôn, quét dọn nhà văn hóa cộng đồng và khu bia tưởng niệm"
            ),
        }
    else:
        words |= {
            "events": (
                "ý nghĩa Ngày Thương binh - Liệt sĩ 27/7, Quốc khánh 2/9 và Ngày thành lập "
                "Quân đội nhân dân Việt Nam 22/12"
            ),
            "anniversaries": (
                f"kỷ niệm {words['tbls']} năm Ngày Thương binh - Liệt sĩ (27/7), "
                f"{words['quoc_khanh']} năm Cách mạng Tháng Tám và Quốc khánh (2/9), "
                f"{words['qdnd']} năm Ngày thành lập Quân đội nhân dân Việt Nam và "
                f"{words['qptd']} năm Ngày hội Quốc phòng toàn dân (22/12)"
            ),
            "qp_focus": (
                "việc đăng ký nghĩa vụ quân sự và sơ tuyển sức khỏe chuẩn bị cho tuyển quân "
                f"năm {year + 1}"
            ),
            "qp_goal": f"tạo nguồn vững chắc cho công tác tuyển quân năm {year + 1}",
            "event": "dịp kỷ niệm Ngày Thương binh - Liệt sĩ 27/7 và mùa mưa bão",
            "works": (
                "dọn vệ sinh nghĩa trang liệt sĩ, khu bia tưởng niệm, khơi thông cống rãnh và "
                "giúp dân khắc phục hậu quả mưa lũ"
            ),
        }
    # Events of the year that a report of that half would name besides the usual anniversaries.
    extra = {
        (2019, True): (
            "Chỉ thị 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại "
            "biểu toàn quốc lần thứ XIII của Đảng"
        ),
        (2019, False): (
            "50 năm thực hiện Di chúc của Chủ tịch Hồ Chí Minh và công tác chuẩn bị đại hội "
            "đảng bộ các cấp nhiệm kỳ 2020 - 2025"
        ),
        (2020, False): (
            "kết quả Đại hội đại biểu Đảng bộ tỉnh Bình Phước lần thứ XI, hướng tới Đại hội đại "
            "biểu toàn quốc lần thứ XIII của Đảng"
        ),
    }.get((year, first_half), "")
    words["extra"] = f"; tuyên truyền {extra}" if extra else ""
    return words


# --- communes ----------------------------------------------------------------------------

# kind: (name before the commune, short name, the people it reaches)
_COMMUNE_ORGANISATIONS = {
    "chqs": ("Ban CHQS", "Ban CHQS", "cán bộ, chiến sĩ dân quân và Nhân dân"),
    "ccb": ("Hội Cựu chiến binh", "Hội", "hội viên cựu chiến binh và Nhân dân"),
    "ctd": ("Hội Chữ thập đỏ", "Hội", "hội viên chữ thập đỏ và Nhân dân"),
    "nd": ("Hội Nông dân", "Hội", "hội viên nông dân"),
    "pn": ("Hội Liên hiệp Phụ nữ", "Hội", "cán bộ, hội viên phụ nữ"),
    "ldld": ("Công đoàn cơ sở", "Công đoàn", "đoàn viên công đoàn và người lao động"),
    "dtn": ("Đoàn Thanh niên", "Đoàn", "đoàn viên, thanh niên"),
}

_COMMUNE_INFORMATION = (
    _text("""
        Trong <period>, <org> <place> đã tổ chức {tt_duong_loi_cuoc} cuộc tuyên truyền đường
        lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước và <events><covid_events>,
        với {tt_duong_loi_luot} lượt <aud> dự nghe.

        Về quốc phòng, <short> phối hợp với <partner> phổ biến Luật Nghĩa vụ quân sự, Luật Dân
        quân tự vệ, <dbdv_law>, tập trung vào <qp_focus>: được {tt_qp_cuoc} cuộc,
        {tt_qp_luot} lượt người tham dự, trong đó {tt_qp_thanh_nien} thanh niên trong độ tuổi.
    """),
    _text("""
        <org> <place> bám sát chương trình phối hợp đã ký kết với <partner>, lồng ghép nội dung
        tuyên truyền vào các buổi sinh hoạt định kỳ. Trong <period> đã tổ chức
        {tt_duong_loi_cuoc} cuộc với {tt_duong_loi_luot} lượt <aud> tham gia, nội dung tập
        trung vào đường lối, chính sách, pháp luật và <events><covid_events>.

        Tuyên truyền pháp luật về quốc phòng được chú trọng với {tt_qp_cuoc} cuộc, thu hút
        {tt_qp_luot} lượt người, trong đó có {tt_qp_thanh_nien} thanh niên trong độ tuổi nhập
        ngũ, <qp_goal>.
    """),
    _text("""
        Trong <period>, <org> <place> triển khai công tác tuyên truyền theo chương trình phối
        hợp với <partner>, cụ thể:

        - Tuyên truyền đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước và
        <events><covid_events>: {tt_duong_loi_cuoc} cuộc, {tt_duong_loi_luot} lượt <aud> tham
        dự.

        - Tuyên truyền Luật Nghĩa vụ quân sự, Luật Dân quân tự vệ, <dbdv_law> và truyền thống
        của Quân đội: {tt_qp_cuoc} cuộc, {tt_qp_luot} lượt người, trong đó thanh niên trong độ
        tuổi {tt_qp_thanh_nien} người.
    """),
    _text("""
        Bám sát nhiệm vụ chính trị của địa phương, <org> <place> đã đưa nội dung tuyên truyền
        vào các buổi họp thôn, ấp và sinh hoạt của tổ chức. Trong <period>, <short> tổ chức
        {tt_duong_loi_cuoc} cuộc tuyên truyền về đường lối, chính sách, pháp luật, thu hút
        {tt_duong_loi_luot} lượt <aud>; nội dung gắn với <events><covid_events>.

        Cùng <partner>, <short> tổ chức {tt_qp_cuoc} cuộc giáo dục pháp luật về quốc phòng,
        hướng vào <qp_focus>, với {tt_qp_luot} lượt người nghe, trong đó có
        {tt_qp_thanh_nien} thanh niên trong độ tuổi.
    """),
)

_COMMUNE_MOBILISATION = (
    _text("""
        Thực hiện kế hoạch của Ban CHQS huyện về công tác dân vận <event>, Ban CHQS <place> đã
        chỉ đạo dân quân thường trực và dân quân các thôn phối hợp với các đoàn thể <works>,
        tổng cộng {dan_van_ngay_cong} ngày công, trong đó lực lượng dân quân
        {dan_van_ngay_cong_dq} ngày công.

        Ban CHQS cùng các đoàn thể thăm, tặng {dan_van_qua_so} phần quà cho gia đình chính
        sách, hộ nghèo trên địa bàn, mỗi phần trị giá {dan_van_qua_moi_phan} đồng.
    """),
    _text("""
        Trong <event>, lực lượng dân quân <place> ra quân giúp Nhân dân <works>, đóng góp
        {dan_van_ngay_cong} ngày công, riêng dân quân {dan_van_ngay_cong_dq} ngày công. Các gia
        đình chính sách, hộ nghèo trên địa bàn được trao {dan_van_qua_so} phần quà, mỗi phần
        trị giá {dan_van_qua_moi_phan} đồng.
    """),
    _text("""
        Công tác dân vận của Ban CHQS <place> trong <period> đạt kết quả thiết thực: dân quân
        phối hợp với các ban, ngành, đoàn thể <works> được {dan_van_ngay_cong} ngày công (dân
        quân đóng góp {dan_van_ngay_cong_dq} ngày công); phối hợp thăm hỏi, tặng
        {dan_van_qua_so} phần quà, mỗi phần {dan_van_qua_moi_phan} đồng, cho gia đình chính
        sách, hộ nghèo trong <event>.
    """),
)


def _choose(variants: tuple[str, ...], *keys: str) -> str:
    """One of the variants, always the same for the same keys."""
    return variants[zlib.crc32("|".join(keys).encode()) % len(variants)]


def commune_narrative(kind: str, commune: str, period_label: str) -> dict[str, str]:
    """Section code -> narrative of a commune organisation's report for one period."""
    org, short, audience = _COMMUNE_ORGANISATIONS[kind]
    commune_kind = "thị trấn" if commune.startswith("thị trấn") else "xã"
    partner = f"06 đoàn thể {commune_kind}" if kind == "chqs" else f"Ban CHQS {commune_kind}"
    words = _period_words(period_label) | {
        "org": org,
        "short": short,
        "aud": audience,
        "place": commune,
        "partner": partner,
    }
    texts = {"tuyen_truyen": _choose(_COMMUNE_INFORMATION, commune, kind)}
    if kind == "chqs":
        texts["dan_van"] = _choose(_COMMUNE_MOBILISATION, commune, kind, "dan_van")
    return {section: _fill(text, words) for section, text in texts.items()}


# --- the district organisations in the other periods -------------------------------------


def _district_chqs(first_half: bool, covid: bool) -> dict[str, str]:
    texts = {
        "thong_tin": _text("""
            Trong <period>, Ban CHQS và 06 đoàn thể huyện tiếp tục phối hợp tuyên truyền cho
            cán bộ, chiến sĩ, đoàn viên, hội viên và Nhân dân về đường lối, chủ trương của Đảng,
            chính sách, pháp luật của Nhà nước, <anniversaries><extra>. Tổng hợp từ các xã, thị
            trấn, toàn huyện đã tổ chức {xa.tt_duong_loi_cuoc} cuộc với {xa.tt_duong_loi_luot}
            lượt người dự nghe.

            Nội dung Luật Nghĩa vụ quân sự, Luật Dân quân tự vệ, <dbdv_law> và truyền thống của
            Đảng, của Quân đội, của quê hương được tuyên truyền qua {xa.tt_qp_cuoc} cuộc, thu
            hút {xa.tt_qp_luot} lượt người, trong đó có {xa.tt_qp_thanh_nien} thanh niên trong
            độ tuổi; trọng tâm là <qp_focus>.
        """),
        "quoc_phong": _text("""
            Ban CHQS huyện phối hợp chặt chẽ với 06 đoàn thể tham mưu cho Huyện ủy, UBND huyện
            xây dựng nền quốc phòng toàn dân gắn với thế trận an ninh nhân dân, xây dựng lực
            lượng vũ trang huyện vững mạnh, nâng cao chất lượng huấn luyện và khả năng sẵn sàng
            chiến đấu.

            Lực lượng DQTV được duy trì đạt {dqtv_ty_le_dan_so} so với dân số; quân nhân dự bị
            biên chế vào các đơn vị đạt {dbdv_ty_le_bien_che}. Tỷ lệ đảng viên trong DQTV đạt
            {dqtv_ty_le_dang_vien} (Dân quân {dq_ty_le_dang_vien}, Tự vệ {tv_ty_le_dang_vien});
            trong lực lượng DBĐV đã xếp vào đơn vị đạt {dbdv_ty_le_dang_vien}.
        """),
        "co_so": _text("""
            Ban CHQS 16 xã, thị trấn tiếp tục tham mưu cho cấp ủy, chính quyền lãnh đạo công tác
            vận động quần chúng ở địa phương, duy trì hoạt động của Ban điều phối vận động quần
            chúng liên ngành. Trong <event>, dân quân phối hợp với các đoàn thể <works> được
            {xa.dan_van_ngay_cong} ngày công, trong đó lực lượng dân quân
            {xa.dan_van_ngay_cong_dq} ngày công; thăm, tặng {xa.dan_van_qua_so} phần quà cho gia
            đình chính sách, hộ nghèo, bình quân mỗi phần {xa.dan_van_qua_moi_phan} đồng.

            Các xã, thị trấn phối hợp với công an và các lực lượng trên địa bàn thực hiện
            <decree> của Chính phủ, nắm chắc tình hình, giữ vững an ninh chính trị, trật tự an
            toàn xã hội ở cơ sở.
        """),
        "nguyen_nhan_manh": _text("""
            Có được kết quả trên là nhờ sự lãnh đạo, chỉ đạo của Ban Chỉ đạo vận động quần chúng
            liên ngành tỉnh, của Huyện ủy, UBND huyện; chương trình phối hợp được xây dựng sát
            với nhiệm vụ của từng ngành, được quán triệt đến cán bộ, chiến sĩ, đoàn viên, hội
            viên, cùng với sự chủ động, nỗ lực của các lực lượng trong tổ chức thực hiện.
        """),
        "nguyen_nhan_han_che": _text("""
            Một số cấp ủy cơ sở chưa quan tâm đúng mức đến hoạt động phối hợp; Ban CHQS một số
            xã chưa chủ động tham mưu. Năng lực tuyên truyền, vận động của một bộ phận cán bộ,
            đoàn viên, hội viên còn hạn chế, hình thức tuyên truyền chưa đa dạng.

            Điều kiện đi lại ở vùng sâu, vùng xa còn khó khăn; trình độ dân trí ở một số nơi còn
            thấp nên việc tiếp thu của người dân còn chậm.
        """),
    }
    if first_half:
        texts |= {
            "lanh_dao": _text("""
                Ngay từ đầu năm, Ban Chỉ đạo vận động quần chúng liên ngành huyện đã tổng kết
                chương trình phối hợp năm <prev_year> và ban hành kế hoạch thực hiện chương
                trình phối hợp năm <year> giữa Ban CHQS với 06 đoàn thể; chỉ đạo Ban CHQS 16
                xã, thị trấn cùng các đoàn thể cơ sở xây dựng kế hoạch phối hợp của địa phương.

                Cấp ủy, chính quyền các xã, thị trấn quan tâm lãnh đạo, kịp thời củng cố Ban
                điều phối liên ngành vận động quần chúng khi có thay đổi nhân sự; các thành viên
                Ban Chỉ đạo huyện được phân công theo dõi từng địa bàn.
            """),
            "phoi_hop": _text("""
                Ban CHQS huyện làm tốt vai trò tham mưu cho Huyện ủy, UBND huyện về công tác
                quân sự, quốc phòng địa phương. Phục vụ công tác tuyển quân năm <year>, Ban CHQS
                phối hợp tổ chức {tt_qp_cuoc} cuộc tuyên truyền, vận động với {tt_qp_luot} lượt
                người tham dự, trong đó có {tt_qp_thanh_nien} thanh niên trong độ tuổi.

                Toàn huyện có {nhap_ngu_tinh_nguyen} thanh niên tình nguyện lên đường nhập ngũ,
                trong đó {nhap_ngu_lau_dai} trường hợp tình nguyện phục vụ lâu dài trong Quân
                đội; lễ giao nhận quân năm <year> được tổ chức trang trọng, an toàn.
            """),
            "dan_van": _text("""
                Ban CHQS huyện xây dựng kế hoạch, chỉ đạo Ban CHQS 16 xã, thị trấn làm công tác
                dân vận <event>. Lực lượng dân quân cùng các đoàn thể địa phương <works> với
                {dan_van_ngay_cong} ngày công (dân quân {dan_van_ngay_cong_dq} ngày công); thăm,
                tặng {dan_van_qua_so} phần quà cho gia đình chính sách, hộ nghèo, mỗi phần trị
                giá {dan_van_qua_moi_phan} đồng.

                Ban CHQS huyện thăm, chúc Tết {dtts_qua_gia_dinh} gia đình đồng bào dân tộc
                thiểu số có hoàn cảnh khó khăn, mỗi phần quà {dtts_qua_moi_phan} đồng; tặng quà
                {cs_qua_gia_dinh} gia đình chính sách với tổng trị giá {cs_qua_gia_tri} đồng
                (bình quân {cs_qua_binh_quan} đồng một phần). Đảng ủy, Ban CHQS huyện trao
                {dqtt_qua_so} phần quà cho dân quân thường trực các xã, mỗi phần
                {dqtt_qua_moi_phan} đồng, tổng cộng {dqtt_qua_gia_tri} đồng.
            """),
            "diem_manh": _text("""
                Trong <period>, Ban Chỉ đạo vận động quần chúng liên ngành huyện đã tham mưu tốt
                cho Huyện ủy, UBND huyện lãnh đạo nhiệm vụ quân sự, quốc phòng địa phương; các
                nội dung phối hợp cơ bản được thực hiện đúng chương trình, góp phần giữ vững ổn
                định chính trị, trật tự an toàn xã hội trên địa bàn.

                Cán bộ, chiến sĩ, đoàn viên, hội viên nắm vững nhiệm vụ của ngành mình, phối hợp
                nhịp nhàng; công tác tuyển quân và dân vận dịp Tết Nguyên đán <tet> được triển
                khai đồng bộ, tạo sự đồng thuận trong Nhân dân.
            """),
            "han_che": _text("""
                Một số nội dung phối hợp còn mang tính thời điểm, chưa thường xuyên; báo cáo của
                một số đoàn thể và xã, thị trấn gửi chậm, số liệu giữa các ngành có chỗ chưa
                thống nhất.

                Việc nắm tình hình tư tưởng Nhân dân ở vùng đồng bào dân tộc thiểu số, vùng có
                đạo có lúc chưa sâu; một số Ban điều phối xã chưa xây dựng quy chế hoạt động.
            """),
            "phuong_huong": _text("""
                Các thành viên Ban Chỉ đạo tiếp tục theo dõi, giúp đỡ địa bàn được phân công;
                thực hiện nghiêm chế độ thông tin, báo cáo với Ban Chỉ đạo huyện.

                Các đoàn thể huyện và cơ sở đẩy mạnh tuyên truyền đường lối, chủ trương của
                Đảng, chính sách, pháp luật của Nhà nước; thi đua lập thành tích chào mừng
                Ngày Thương binh - Liệt sĩ 27/7, Quốc khánh 2/9 và Ngày thành lập Quân đội nhân
                dân Việt Nam 22/12; làm tốt phong trào “Đền ơn đáp nghĩa”, tìm kiếm, quy tập
                hài cốt liệt sĩ.

                Phối hợp đón quân nhân hoàn thành nghĩa vụ trở về địa phương, giới thiệu việc
                làm cho bộ đội xuất ngũ; tổ chức đăng ký nghĩa vụ quân sự, sơ tuyển và khám
                tuyển sức khỏe chuẩn bị cho tuyển quân năm <next_year>. Xây dựng kế hoạch cứu hộ,
                cứu nạn, phòng, chống thiên tai trong mùa mưa bão.

                Kiểm tra công tác phối hợp tại Ban điều phối 16 xã, thị trấn trong <next>; chuẩn
                bị tổng kết chương trình phối hợp năm <year>.
            """),
        }
    else:
        texts |= {
            "lanh_dao": _text("""
                Sau khi sơ kết 6 tháng đầu năm <year>, Ban Chỉ đạo vận động quần chúng liên
                ngành huyện chỉ đạo các thành viên tập trung khắc phục những hạn chế đã chỉ ra,
                triển khai các nội dung còn lại của chương trình phối hợp năm <year>. Ban CHQS
                16 xã, thị trấn cùng các đoàn thể cơ sở điều chỉnh kế hoạch cho sát với tình
                hình thực tế ở địa phương.

                Các thành viên Ban Chỉ đạo huyện duy trì việc theo dõi, hướng dẫn địa bàn được
                phân công; công tác kiểm tra cơ sở được tiến hành theo kế hoạch, kịp thời chấn
                chỉnh những nội dung phối hợp còn chậm.
            """),
            "phoi_hop": _text("""
                Trong <period>, Ban CHQS huyện phối hợp với các ban, ngành, đoàn thể chuẩn bị
                cho tuyển quân năm <next_year>: tổ chức {tt_qp_cuoc} cuộc tuyên truyền Luật
                Nghĩa vụ quân sự với {tt_qp_luot} lượt người tham dự, trong đó có
                {tt_qp_thanh_nien} thanh niên trong độ tuổi.

                Qua tuyên truyền, đã có {nhap_ngu_tinh_nguyen} thanh niên làm đơn tình nguyện
                nhập ngũ năm <next_year>, trong đó {nhap_ngu_lau_dai} trường hợp mong muốn phục
                vụ lâu dài trong Quân đội. Ban CHQS cũng phối hợp đón quân nhân hoàn thành nghĩa
                vụ trở về địa phương, giới thiệu việc làm cho bộ đội xuất ngũ.
            """),
            "dan_van": _text("""
                Trong <event>, Ban CHQS huyện chỉ đạo Ban CHQS 16 xã, thị trấn tổ chức lực lượng
                dân quân cùng các đoàn thể <works> với {dan_van_ngay_cong} ngày công (dân quân
                {dan_van_ngay_cong_dq} ngày công); thăm, tặng {dan_van_qua_so} phần quà cho gia
                đình chính sách, hộ nghèo, mỗi phần trị giá {dan_van_qua_moi_phan} đồng.

                Ban CHQS huyện tặng quà {cs_qua_gia_dinh} gia đình chính sách nhân Ngày Thương
                binh - Liệt sĩ với tổng trị giá {cs_qua_gia_tri} đồng (bình quân
                {cs_qua_binh_quan} đồng một phần); thăm, hỗ trợ {dtts_qua_gia_dinh} gia đình
                đồng bào dân tộc thiểu số bị ảnh hưởng mưa lũ, mỗi phần {dtts_qua_moi_phan}
                đồng. Nhân kỷ niệm Ngày thành lập Quân đội nhân dân Việt Nam 22/12, Đảng ủy, Ban
                CHQS huyện trao {dqtt_qua_so} phần quà cho dân quân thường trực các xã, mỗi phần
                {dqtt_qua_moi_phan} đồng, tổng cộng {dqtt_qua_gia_tri} đồng.
            """),
            "diem_manh": _text("""
                Trong <period>, các nội dung của chương trình phối hợp năm <year> cơ bản được
                hoàn thành; Ban Chỉ đạo vận động quần chúng liên ngành huyện tham mưu kịp thời
                cho Huyện ủy, UBND huyện trong lãnh đạo nhiệm vụ quốc phòng, quân sự địa
                phương.

                Các hoạt động đền ơn đáp nghĩa, giúp dân phòng, chống thiên tai và chuẩn bị
                tuyển quân được các lực lượng phối hợp đồng bộ, để lại ấn tượng tốt trong Nhân
                dân, góp phần củng cố mối quan hệ quân - dân.
            """),
            "han_che": _text("""
                Một số nội dung phối hợp còn mang tính thời điểm; việc tổng hợp, báo cáo của một
                số xã, thị trấn còn chậm, số liệu giữa các ngành có chỗ chưa thống nhất.

                Đợt kiểm tra Ban điều phối các xã chưa đủ thành phần; việc xây dựng lực lượng
                nòng cốt ở vùng đồng bào dân tộc thiểu số, vùng có đạo chưa được quan tâm đúng
                mức.
            """),
            "phuong_huong": _text("""
                Tổ chức tổng kết chương trình phối hợp năm <year>, ký kết và triển khai chương
                trình phối hợp năm <next_year> giữa Ban CHQS với 06 đoàn thể; củng cố, kiện toàn
                Ban điều phối 16 xã, thị trấn.

                Các đoàn thể huyện và cơ sở đẩy mạnh tuyên truyền, thi đua chào mừng kỷ niệm
                Ngày thành lập Đảng Cộng sản Việt Nam 3/2; phối hợp làm công tác dân vận dịp Tết
                Nguyên đán <next_tet>, thăm, tặng quà gia đình chính sách, hộ nghèo.

                Phối hợp tuyên truyền, vận động thanh niên chấp hành lệnh gọi nhập ngũ, tổ chức
                lễ giao nhận quân năm <next_year> trang trọng, an toàn, đủ chỉ tiêu; tham gia huấn
                luyện DQTV, DBĐV theo kế hoạch. Kiểm tra công tác phối hợp tại các xã, thị trấn
                trong <next>.
            """),
        }
    if covid:
        texts["co_so"] += (
            "\n\nBan CHQS các xã, thị trấn duy trì lực lượng dân quân tham gia các chốt, tổ "
            "phòng, chống dịch Covid-19 ở cơ sở."
        )
    return texts


def _district_ccb(first_half: bool, covid: bool) -> dict[str, str]:
    closing = (
        _text("""
            Các cấp hội động viên gia đình hội viên có con em trong độ tuổi chấp hành nghiêm
            lệnh gọi nhập ngũ năm <year>, tham gia gặp mặt, tặng quà thanh niên lên đường nhập
            ngũ; thăm hỏi, chúc Tết hội viên có hoàn cảnh khó khăn dịp Tết Nguyên đán <tet>.
        """)
        if first_half
        else _text("""
            Hội tích cực tham gia các hoạt động đền ơn đáp nghĩa nhân Ngày Thương binh - Liệt sĩ
            27/7, cung cấp thông tin, tìm kiếm mộ liệt sĩ; tổ chức gặp mặt truyền thống nhân
            Ngày thành lập Hội Cựu chiến binh Việt Nam 6/12 và Ngày thành lập Quân đội nhân dân
            Việt Nam 22/12.
        """)
    )
    return {
        "phoi_hop": _text("""
            Trong <period>, Hội Cựu chiến binh huyện phối hợp với Ban CHQS huyện tuyên truyền,
            giáo dục cán bộ, hội viên và Nhân dân về đường lối, chủ trương của Đảng, chính sách,
            pháp luật của Nhà nước, <anniversaries>, được {tt_duong_loi_cuoc} cuộc với
            {tt_duong_loi_luot} lượt người dự nghe. Hội viên cựu chiến binh nêu cao cảnh giác,
            tích cực đấu tranh với các quan điểm sai trái, thù địch.
        """)
        + "\n\n"
        + closing
        + "\n\n"
        + _text("""
            Hội tiếp tục củng cố tổ chức cơ sở, phát triển hội viên, tham gia xây dựng khu vực
            phòng thủ huyện vững chắc.
        """),
    }


def _district_ctd(first_half: bool, covid: bool) -> dict[str, str]:
    texts = {
        "tuyen_truyen": _text("""
            Trong <period>, Hội Chữ thập đỏ huyện phối hợp với Ban CHQS huyện và các ban, ngành
            tuyên truyền đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước và
            <events><covid_events>, được {tt_duong_loi_cuoc} cuộc với {tt_duong_loi_luot} lượt
            cán bộ, hội viên và Nhân dân tham dự; treo {tt_bang_ron} băng rôn, kinh phí
            {tt_kinh_phi} đồng.
        """),
        "so_cuu": _text("""
            Các chốt sơ cấp cứu duy trì hoạt động <so_cuu_when>, sơ cứu an toàn {so_cuu_ca} ca,
            trong đó tai nạn giao thông {so_cuu_tngt} ca, các tai nạn khác {so_cuu_khac} người;
            kinh phí chi cho công tác này {so_cuu_kinh_phi} đồng.
        """),
        "hien_mau": _text("""
            Hội phối hợp với các ngành tổ chức {hien_mau_dot} đợt hiến máu tình nguyện
            <hien_mau_when>, tiếp nhận {hien_mau_don_vi} đơn vị máu.
        """),
    }
    if first_half:
        texts["nhan_dao"] = _text("""
            Dịp Tết Nguyên đán <tet>, Hội vận động các tổ chức, cá nhân trao {tet_qua_so} phần
            quà cho người nghèo, trị giá {tet_qua_gia_tri} đồng. Hội giúp {ngheo_doi_tuong} đối
            tượng nghèo đặc biệt khó khăn với số tiền {ngheo_so_tien} đồng; trao {nha_ctd_so}
            căn nhà Chữ thập đỏ trị giá {nha_ctd_gia_tri} đồng; thăm hỏi ốm đau, ma chay
            {om_dau_so_tien} đồng.

            Hội trao {hoc_bong_so} suất học bổng cho học sinh nghèo vượt khó, trị giá
            {hoc_bong_gia_tri} đồng, và duy trì {bep_com_so} bếp cơm tình thương với kinh phí
            {bep_com_gia_tri} đồng.
        """)
    else:
        texts["nhan_dao"] = _text("""
            Hội chủ động vận động nguồn lực chăm lo Tết <next_tet> cho người nghèo, đến nay đã
            có các tổ chức, cá nhân đăng ký ủng hộ {tet_qua_so} phần quà trị giá
            {tet_qua_gia_tri} đồng. Hội giúp {ngheo_doi_tuong} đối tượng nghèo đặc biệt khó khăn
            với số tiền {ngheo_so_tien} đồng; khởi công và bàn giao {nha_ctd_so} căn nhà Chữ
            thập đỏ trị giá {nha_ctd_gia_tri} đồng; thăm hỏi ốm đau, ma chay {om_dau_so_tien}
            đồng.

            Nhân dịp năm học mới, Hội trao {hoc_bong_so} suất học bổng cho học sinh nghèo, trị
            giá {hoc_bong_gia_tri} đồng; {bep_com_so} bếp cơm tình thương tiếp tục hoạt động với
            kinh phí {bep_com_gia_tri} đồng.
        """)
        if covid:
            texts["nhan_dao"] += (
                "\n\nHội phát động cán bộ, hội viên và Nhân dân quyên góp ủng hộ đồng bào miền "
                "Trung bị thiệt hại do bão lũ."
            )
    return texts


def _district_nd(first_half: bool, covid: bool) -> dict[str, str]:
    texts = {
        "tuyen_truyen": _text("""
            Trong <period>, Hội Nông dân huyện phối hợp với Ban CHQS huyện tuyên truyền cho hội
            viên Luật Nghĩa vụ quân sự, Luật Dân quân tự vệ, <dbdv_law>, tập trung vào
            <qp_focus>, được {tt_qp_cuoc} cuộc với {tt_qp_luot} lượt cán bộ, hội viên tham gia;
            các cấp hội vận động con em trong độ tuổi đăng ký nghĩa vụ quân sự đạt
            {nvqs_ty_le_dang_ky}.

            Hội tuyên truyền, vận động hội viên, nông dân tham gia phong trào toàn dân bảo vệ an
            ninh Tổ quốc, phòng, chống tội phạm và tệ nạn xã hội ở nông thôn với
            {tt_an_ninh_cuoc} cuộc, {tt_an_ninh_luot} lượt người tham dự.
        """),
    }
    if covid:
        texts["phong_dich"] = _text("""
            Trước diễn biến phức tạp của dịch Covid-19<covid_when>, các cấp hội phát
            {covid_to_roi} tờ rơi hướng dẫn phòng dịch; duy trì {covid_to_phan_ung} tổ phản ứng
            nhanh, mỗi tổ {covid_to_nguoi} người; vận động {covid_ho_khai_bao} hộ có người thân
            từ nơi khác về khai báo y tế. Hội viên và Nhân dân ủng hộ công tác phòng, chống dịch
            {covid_ung_ho} đồng.
        """)
    else:
        texts["phong_dich"] = _text("""
            Trong <period>, các cấp hội phối hợp với ngành thú y tuyên truyền, hướng dẫn hội
            viên phòng, chống <livestock_disease>; vận động hội viên không giấu dịch, không bán
            chạy gia súc bệnh, thường xuyên tiêu độc, khử trùng chuồng trại. Hội cũng phối hợp
            với ngành y tế tuyên truyền phòng, chống sốt xuất huyết trong mùa mưa.
        """)
    return texts


def _district_pn(first_half: bool, covid: bool) -> dict[str, str]:
    texts = {
        "tuyen_truyen": _text("""
            Trong <period>, Hội LHPN huyện phối hợp tuyên truyền nhân <pn_day> và các dịp
            <anniversaries>;
            vận động hội viên thực hiện đường lối, chủ trương của Đảng, chính sách, pháp luật
            của Nhà nước, được {tt_duong_loi_cuoc} cuộc với {tt_duong_loi_luot} lượt cán bộ, hội
            viên tham gia. Luật Nghĩa vụ quân sự được tuyên truyền qua {tt_qp_cuoc} cuộc với
            {tt_qp_luot} lượt hội viên.

            Hội tuyên truyền cuộc vận động “Xây dựng gia đình 5 không, 3 sạch”, phong trào “Phụ
            nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc”, góp phần xây
            dựng nông thôn mới: {tt_phong_trao_cuoc} cuộc, {tt_phong_trao_luot} lượt chị em tham
            dự.
        """),
    }
    if first_half:
        support = _text("""
            Hội tham mưu Huyện ủy, UBND huyện tặng {tan_binh_qua_so} phần quà cho tân binh nhập
            ngũ năm <year>, trị giá {tan_binh_qua_gia_tri} đồng; dịp Tết <tet>, Hội thăm, tặng
            {don_vi_qua_so} phần quà trị giá {don_vi_qua_gia_tri} đồng và gói bánh chưng cùng cán
            bộ, chiến sĩ Trung đội bộ binh 290.
        """)
    else:
        support = _text("""
            Hội tặng {tan_binh_qua_so} phần quà cho thanh niên trúng tuyển nghĩa vụ quân sự năm
            <next_year>, trị giá {tan_binh_qua_gia_tri} đồng; nhân Ngày thành lập Quân đội nhân
            dân Việt Nam 22/12, Hội thăm, tặng {don_vi_qua_so} phần quà trị giá
            {don_vi_qua_gia_tri} đồng cho cán bộ, chiến sĩ Trung đội bộ binh 290.
        """)
    border = "Hội cùng các ngành thăm, ủng hộ {bien_phong_don} đồn biên phòng của tỉnh với số "
    border += "tiền {bien_phong_gia_tri} đồng."
    if covid:
        border += (
            " Cán bộ, hội viên đóng góp {covid_ung_ho} đồng cho công tác phòng, chống dịch "
            "Covid-19, trong đó thăm, tặng nhu yếu phẩm cho {covid_chot_so} chốt kiểm dịch trị "
            "giá {covid_chot_gia_tri} đồng."
        )
    texts["hau_phuong"] = support + "\n\n" + border
    return texts


def _district_ldld(first_half: bool, covid: bool) -> dict[str, str]:
    season = (
        "phối hợp tổ chức Hội trại tiễn thanh niên lên đường nhập ngũ năm <year>"
        if first_half
        else "phối hợp huấn luyện lực lượng tự vệ cơ quan, tham gia hội thao quốc phòng"
    )
    return {
        "phoi_hop": _text("""
            Trong <period>, Liên đoàn Lao động huyện tuyên truyền, giáo dục truyền thống, đường
            lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước cho cán bộ, công nhân
            viên chức, người lao động, được {tt_duong_loi_cuoc} cuộc với {tt_duong_loi_luot}
            lượt người dự nghe.

            Liên đoàn vận động đoàn viên công đoàn trong độ tuổi thực hiện nghĩa vụ quân sự,
            <ldld_season>; giới thiệu việc làm cho bộ đội xuất ngũ; tiếp tục củng cố tổ chức
            công đoàn và phát triển đoàn viên.
        """).replace("<ldld_season>", season),
    }


def _district_dtn(first_half: bool, covid: bool) -> dict[str, str]:
    if first_half:
        movement = _text("""
            Huyện đoàn phối hợp tổ chức lễ tuyên dương {tuyen_duong_thanh_nien} thanh niên lên
            đường nhập ngũ năm <year>; hưởng ứng Tháng Thanh niên, tổ chức {tt_phong_trao_cuoc}
            cuộc ra quân vệ sinh môi trường, xây dựng nông thôn mới với {tt_phong_trao_luot}
            lượt đoàn viên thanh niên tham gia.
        """)
    else:
        movement = _text("""
            Chiến dịch Thanh niên tình nguyện hè được triển khai với {tt_phong_trao_cuoc} cuộc
            ra quân, {tt_phong_trao_luot} lượt đoàn viên thanh niên tham gia làm đường giao
            thông nông thôn, vệ sinh môi trường, giúp dân sau mưa lũ. Huyện đoàn phối hợp gặp
            mặt, tuyên dương {tuyen_duong_thanh_nien} thanh niên tiêu biểu đã làm đơn tình
            nguyện, sẵn sàng lên đường nhập ngũ năm <next_year>.
        """)
    return {
        "tuyen_truyen": _text("""
            Trong <period>, Huyện đoàn phối hợp với Ban CHQS huyện tuyên truyền cho đoàn viên,
            thanh niên nâng cao cảnh giác, tham gia giữ gìn an ninh chính trị, trật tự an toàn
            xã hội, phòng, chống tệ nạn xã hội, được {tt_an_ninh_cuoc} cuộc với
            {tt_an_ninh_luot} lượt đoàn viên thanh niên tham gia.

            Luật Nghĩa vụ quân sự và truyền thống của Quân đội được tuyên truyền qua
            {tt_qp_cuoc} cuộc, {tt_qp_luot} lượt đoàn viên thanh niên tham dự, hướng vào
            <qp_focus>.
        """),
        "phong_trao": movement,
    }


_DISTRICT_BUILDERS = {
    "chqs": _district_chqs,
    "ccb": _district_ccb,
    "ctd": _district_ctd,
    "nd": _district_nd,
    "pn": _district_pn,
    "ldld": _district_ldld,
    "dtn": _district_dtn,
}


def district_narrative(kind: str, period_label: str, next_period_label: str) -> dict[str, str]:
    """Section code -> narrative of a district organisation's report for a half-year.

    The seed's half-year gets the texts retold from the seed report itself.
    """
    if period_label == SEED_PERIOD_LABEL:
        return dict(DISTRICT_2020S1[kind])
    year, first_half = _parse_period(period_label)
    covid = year in _COVID_YEARS
    words = _period_words(period_label) | {
        "next": next_period_label,
        "so_cuu_when": "trong dịp Tết và mùa lễ hội đầu năm"
        if first_half
        else "trên các tuyến giao thông trọng điểm",
        "hien_mau_when": "hưởng ứng Lễ hội Xuân hồng"
        if first_half
        else "hưởng ứng chương trình Hành trình Đỏ",
        "pn_day": "Ngày Quốc tế Phụ nữ 8/3"
        if first_half
        else f"{year - 1930} năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10)",
        "covid_when": " từ cuối tháng 7/2020" if (year, first_half) == (2020, False) else "",
        "livestock_disease": "bệnh Dịch tả lợn châu Phi"
        if year == 2019
        else "dịch bệnh trên đàn gia súc, gia cầm",
    }
    texts = _DISTRICT_BUILDERS[kind](first_half, covid)
    return {section: _fill(text, words) for section, text in texts.items()}
