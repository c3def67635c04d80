"""The words around a number that tell what it is: date, ordinal, money each, comparison..."""

from __future__ import annotations

import re

# The patterns read the lower-cased text; the few on folded text (no accents) say so, for
# words whose accents these reports often get wrong.


def _words_before(phrases: str) -> re.Pattern[str]:
    """A pattern for text that ends with one of the '|'-separated phrases (and maybe ':')."""
    return re.compile(r"(?:^|[^\w])(?:" + phrases + r")\s*:?\s*$")


QUALIFIER_RE = re.compile(
    r"(?:^|[^\w])(gần|hơn|trên|khoảng|ước tính|ước đạt|ước|xấp xỉ|chừng|dưới|ít nhất|tối thiểu"
    r"|tối đa)\s+$",
    re.IGNORECASE,
)
CHANGE_WORDS_RE = re.compile(r"(?:^|[^\w])(cao|nhiều|tăng|thấp|ít|giảm)\s+$", re.IGNORECASE)
CHANGE_RE = re.compile(
    r"(?:^|[^\w])(tăng|giảm|vượt)(?:\s+(?:thêm|lên|xuống|được|so với cùng kỳ))?\s*$",
    re.IGNORECASE,
)
DATE_BEFORE = _words_before(
    "ngày|tháng|năm|quý|tuần|khóa|khoá|nhiệm kỳ|giai đoạn|niên khóa|niên khoá|niên độ|năm học"
)
ORDINAL_BEFORE = _words_before("thứ|lần thứ|đợt|lần|phần|bài|câu|mục|chương|điểm|tiết|tập|kỳ|vòng")
DOCUMENT_BEFORE = _words_before(
    "số|chỉ thị|nghị định|nghị quyết|quyết định|thông tư|công văn|kế hoạch|hướng dẫn|"
    "kết luận|quy định|thông báo|luật|pháp lệnh|văn bản|tờ trình|báo cáo|đề án|"
    "chương trình|điều|khoản|ct|nq|nqtw|qđ|kh|cv|hd|hđ|tb|bc|kl|ctr|tw"
)
# Place and unit names: accent-sensitive, since "bản" (hamlet) is not "bán" (to sell).
PLACE_BEFORE = re.compile(
    r"(?:^|[^\w])(?:thôn|ấp|xóm|bản|buôn|sóc|khu phố|tổ dân phố|khu|phường|quận|đường|quốc lộ"
    r"|tỉnh lộ|hương lộ|km|lô|số nhà|phòng|lớp|khối|hẻm|kiệt|ngõ|trạm|tổ|đội|cụm)\s*$",
    re.IGNORECASE,
)
FORMATION_BEFORE = re.compile(
    r"(?:^|[^\w])(?:trung đội|đại đội|tiểu đoàn|trung đoàn|sư đoàn|lữ đoàn|quân đoàn|quân khu"
    r"|binh đoàn|hải đội|hải đoàn|đội|đồn|chốt|trạm)(?:\s+[^\W\d]+){0,3}\s*$",
    re.IGNORECASE,
)
EACH_NOUN_BEFORE = re.compile(r"(?:^|[^\w])(?:mỗi|từng)\s+\w+(?:\s+trị giá)?\s*$", re.IGNORECASE)
# "Ban CHQS 16 xã", "Ban CHQS với 06 đoàn thể": the count belongs to a body, it is its scope.
BODY_BEFORE = re.compile(
    r"(?:^|[^\w])(?:ban chqs|ban chi huy quan su|ban dieu phoi|ban chi dao|ubnd"
    r"|uy ban nhan dan|dang uy|dang bo|hdnd|mttq|bcd|chqs|ban cong tac mat tran|chi bo)"
    r"(?:\s+(?:huyen|xa|tinh|phuong))?(?:\s+(?:va|voi|cung))?\s*$"
)
# "kiểm tra 7 tổ dân phố" is an activity even when 7 is also the size of the ward.
SCOPE_ACTIVITY_BEFORE = re.compile(
    r"(?:^|[^\w])(?:kiểm tra|khảo sát|giám sát|thăm|hỗ trợ|giúp đỡ|tặng quà|tập huấn cho)\s*$",
    re.IGNORECASE,
)
ACRONYM_BEFORE = re.compile(r"(?:^|[^\w])([A-ZĐ]{2,}[A-ZĐ0-9]*)\s*$")
ANNIVERSARY_BEFORE = re.compile(r"ky niem\s*$|ky niem\s+\S+\s*$")
ANNIVERSARY_AFTER = re.compile(
    r"\s*(?:ngay|thanh lap|truyen thong|chien thang|giai phong|sinh|ky niem|hoat dong)\b"
)
TIME_AFTER = re.compile(
    r"(năm|tháng|ngày|tuần|quý|tuổi|thế kỷ|thập kỷ|thập niên)(?!\w)", re.IGNORECASE
)
DOCTRINE_AFTER = re.compile(
    r"(?:nhiệm vụ chiến lược|nhiệm vụ trọng tâm|cuộc kháng chiến|cuộc chiến tranh"
    r"|cuộc cách mạng|khâu đột phá|đột phá|nhóm giải pháp|giải pháp|quan điểm|trụ cột|tại chỗ"
    r"|không|xây|chống|tốt|sạch|có|nguyên tắc|phương châm|mục tiêu)(?!\w)"
)
EVENT_LINK_RE = re.compile(r"^[^.;]{0,200}?(?:với|có|thu hút(?: được)?|cho|gồm)\s*$", re.IGNORECASE)
ATTENDANCE_BEFORE_RE = re.compile(
    r"(?:cuộc|buổi|đợt|lớp|hội nghị)[^.;]{0,40}?(?:với|có|thu hút)\s*$", re.IGNORECASE
)
MONEY_BEFORE = re.compile(
    r"(?:trị giá|số tiền|kinh phí|ủng hộ|hỗ trợ|tổng cộng|thành tiền|quyên góp|tặng|trao)"
    r"\s*(?:là|được|:)?\s*$",
    re.IGNORECASE,
)
FALLBACK_VERB_BEFORE = re.compile(
    r"(?:^|[^\w])(?:tặng|trao|thăm|hỗ trợ|giúp|giúp đỡ|cấp|phát|tổ chức|xây dựng|sửa chữa"
    r"|kết nạp|phát triển|tiếp nhận|được|thành lập|ra mắt|duy trì|tuyên dương|khen thưởng"
    r"|biểu dương|trồng|xây mới|bàn giao|quyên góp|thực hiện|triển khai|khởi công"
    r"|hoàn thành|nâng cấp|lắp đặt|làm mới|mở|đào tạo|tập huấn|có|gồm|tham gia|cung cấp)"
    # "hỗ trợ thêm 02 dự án", "kết nạp mới 300 hội viên"
    r"(?:\s+(?:thêm|mới))?\s*$",
    re.IGNORECASE,
)
# "thu nhập trên 500 triệu đồng/năm": an income a year or a month describes who earns it.
INCOME_BEFORE = re.compile(r"thu nhập[^.;,]{0,30}$", re.IGNORECASE)
PER_PERIOD_AFTER = re.compile(r"\s*/\s*(?:năm|tháng)(?!\w)", re.IGNORECASE)
# After a number, a verb is what was done with an amount, not the noun it counts ("62 ủng hộ").
VERB_AFTER = re.compile(
    r"(?:ủng hộ|hỗ trợ|quyên góp|đóng góp|tặng|trao|giúp|tham gia|thực hiện)(?!\w)", re.IGNORECASE
)
FUNCTION_WORDS = frozenset(
    "của và các những cho với tại trong để từ đến là thì mà được có đã sẽ này đó theo về trên "
    "dưới như nhằm ở vào ra lên xuống khi nên do bởi hoặc hay cùng".split()
)
EACH_BEFORE = re.compile(
    r"(?:(?:mỗi|bình quân|trung bình)(?:\s+[^\W\d]+){0,2}\s*(?:trị giá|là|được|khoảng|:)?"
    r"|trị giá mỗi(?:\s+[^\W\d]+){0,2})\s*$",
    re.IGNORECASE,
)
PER_UNIT_AFTER = re.compile(r"\s*/\s*(?:1\s+|01\s+|một\s+)?([^\W\d][^\W\d]*(?:\s[^\W\d]+)?)")
STRONG_TOTAL_MARKERS = re.compile(r"trị giá|với (?:tổng )?số tiền|tổng trị giá", re.IGNORECASE)
TOTAL_AFTER_EACH = re.compile(
    r"^[^;]{0,30}?(=|tổng cộng|tổng số tiền|tổng trị giá|thành tiền|tổng số|tổng)\s*(?:là|:)?\s*$",
    re.IGNORECASE,
)
SPENDING_MARKERS = re.compile(r"kinh phí|chi cho|chi phí", re.IGNORECASE)
COMPARISON_AFTER = re.compile(
    r"\s*(?:\(|,)?\s*(?:so\s+với|so)\s+([^\W\d][^,.;:()]{0,40}?)(?=$|[,.;:()]|\s+(?:và|của)\s)",
    re.IGNORECASE,
)
PLAN_BASE_AFTER = re.compile(r"\s*(kế hoạch|chỉ tiêu)(?!\w)", re.IGNORECASE)
NOUN_STOP_RE = re.compile(
    r"(?:năm|với|có|trị giá|mỗi|bằng|tổng|trong đó|được|là|đạt|so với|tại|trên|ở|nhằm|để"
    r"|góp phần|bình quân|tăng|giảm|=)(?!\w)",
    re.IGNORECASE,
)
RANGE_GAP_RE = re.compile(r"\s*(?:đến|tới|-|–)\s*", re.IGNORECASE)
RANGE_FROM_RE = re.compile(r"(?:^|[^\w])từ\s*$", re.IGNORECASE)
DIGIT_RE = re.compile(r"\d")
SENTENCE_END_RE = re.compile(r"[.;!?…](?=\s|$)|\n")
DATE_DASH_RE = re.compile(r"[-.](\d{1,2})[-.]((?:19|20)\d{2})(?!\d)")
SLASH_AFTER_RE = re.compile(r"/(\d{1,4})(?:/(\d{1,4}))?")
_SPACES_RE = re.compile(r"[ \t\u00a0]*")
WORD_RE = re.compile(r"[^\W\d_][^\s,.;:()/\"“”]*")


def after_spaces(text: str, pos: int) -> int:
    """The position after the spaces and tabs (none or more) that start at `pos`."""
    match = _SPACES_RE.match(text, pos)
    return pos if match is None else match.end()
