"""Renders review-report Word templates with docxtpl inside a sandboxed Jinja environment."""

from __future__ import annotations

import difflib
import functools
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

import jinja2
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docxtpl import DocxTemplate
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment, SecurityError

NOT_DOCX_MESSAGE = (
    "Tệp tải lên không phải tệp Word (.docx) hợp lệ. Hãy mở mẫu bằng Word và chọn "
    "Lưu thành → Tài liệu Word (*.docx) rồi tải lên lại."
)
# A real report template is well under a megabyte; this only stops zip bombs.
MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024
_PLAIN_SCALARS = (str, int, float, bool, type(None))
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
# Alternative text ("title") of a table whose column widths are worked out from its rendered
# texts: docxtpl only spreads the template's widths evenly over the columns a loop adds.
FITTED_TABLE_CAPTION = "Bảng số liệu: độ rộng cột tự tính theo nội dung"
_CELL_PADDING_TWIPS = 2 * 108  # Word's default left and right cell margins
_LABEL_SHARE = 0.35  # the row-label column wraps rather than take more of the line than this


class TemplateError(ValueError):
    """The template cannot be rendered; the message is Vietnamese and meant for the user."""


@dataclass(frozen=True)
class TemplateProblem:
    """One thing wrong with an uploaded template, explained in Vietnamese."""

    message: str
    placeholder: str = ""


class _ReportSandbox(ImmutableSandboxedEnvironment):
    """Sandbox that cannot mutate the caller's context (no `list.append`, `dict.update`) and
    refuses operators able to exhaust memory (`'x' * 10**9`)."""

    intercepted_binops = frozenset({"*", "**"})
    max_sequence = 100_000

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise SecurityError("lũy thừa quá lớn")
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if (
                    isinstance(sequence, str | list | tuple)
                    and isinstance(count, int)
                    and len(sequence) * count > self.max_sequence
                ):
                    raise SecurityError("chuỗi lặp quá dài")
        return super().call_binop(context, operator, left, right)


def _environment(undefined: type[jinja2.Undefined]) -> SandboxedEnvironment:
    env = _ReportSandbox(autoescape=True, undefined=undefined)
    # Only the context is visible: no range(), lipsum(), namespace() or other helpers.
    env.globals.clear()
    return env


def _ensure_plain(value: Any, path: str = "context") -> None:
    """Reject anything but dicts, lists and scalars so no model or request leaks in."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{path}: khóa {key!r} không phải chuỗi")
            _ensure_plain(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _ensure_plain(item, f"{path}[{index}]")
    elif not isinstance(value, _PLAIN_SCALARS):
        raise TypeError(f"{path}: kiểu {type(value).__name__} không được phép trong ngữ cảnh")


def _open_template(template: bytes) -> DocxTemplate:
    if not isinstance(template, bytes | bytearray) or not zipfile.is_zipfile(BytesIO(template)):
        raise TemplateError(NOT_DOCX_MESSAGE)
    try:
        with zipfile.ZipFile(BytesIO(template)) as archive:
            names = archive.namelist()
            size = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise TemplateError(NOT_DOCX_MESSAGE) from exc
    if "word/document.xml" not in names:
        raise TemplateError(NOT_DOCX_MESSAGE)
    if size > MAX_UNCOMPRESSED_BYTES:
        raise TemplateError("Tệp Word quá lớn sau khi giải nén; mẫu báo cáo không cần ảnh nặng.")
    document = DocxTemplate(BytesIO(template))
    try:
        document.init_docx()
    except Exception as exc:  # python-docx raises several types for damaged packages
        raise TemplateError(
            "Không đọc được tệp Word: tệp bị hỏng hoặc là mẫu .dotx/.docm. "
            "Hãy lưu lại dưới dạng .docx."
        ) from exc
    return document


def _paragraph_texts(template: bytes) -> Iterator[str]:
    """Text of every paragraph the user typed: body, tables, headers and footers."""
    document = Document(BytesIO(template))
    roots = [document.element.body]
    for section in document.sections:
        for part in (
            section.header,
            section.first_page_header,
            section.even_page_header,
            section.footer,
            section.first_page_footer,
            section.even_page_footer,
        ):
            if not part.is_linked_to_previous:
                roots.append(part._element)
    for root in roots:
        for paragraph in root.iter(qn("w:p")):
            yield "".join(node.text or "" for node in paragraph.iter(qn("w:t")))


def _template_tags(template: bytes) -> list[str]:
    try:
        texts = list(_paragraph_texts(template))
    except Exception:  # best effort: only used to quote the broken tag back to the user
        return []
    return [" ".join(tag.split()) for text in texts for tag in _TAG.findall(text)]


def _find_tag(tags: list[str], name: str) -> str:
    """The first tag that mentions `name` as an identifier, to quote it in the message."""
    pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
    for tag in tags:
        if pattern.search(tag):
            return tag
    return ""


def _missing_message(
    name: str, owner: Any, tags: list[str], context: dict[str, Any]
) -> TemplateProblem:
    tag = _find_tag(tags, name)
    if tag.startswith("{{"):
        message = f"Trường «{tag}» không tồn tại."
    elif tag:
        message = f"Trường «{name}» trong thẻ «{tag}» không tồn tại."
    else:
        message = f"Trường «{name}» không tồn tại."
    # A missing attribute is looked up in its dict; a missing top-level name in the context.
    candidates = owner if isinstance(owner, dict) else context
    if candidates:
        close = difflib.get_close_matches(name, [str(key) for key in candidates], n=1)
        if close:
            message += f" Có phải ý bạn là «{close[0]}»?"
    return TemplateProblem(message=message, placeholder=tag or name)


_SYNTAX_HINTS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"Unexpected end of template.*looking for the following tags: (.+?)\."),
        lambda m: f"thiếu thẻ đóng ({m.group(1)})",
    ),
    (
        re.compile(r"Encountered unknown tag '(\w+)'"),
        lambda m: f"thẻ «{m.group(1)}» không hợp lệ hoặc không có thẻ mở tương ứng",
    ),
    (
        re.compile(r"expected token '(.+?)', got '(.+?)'"),
        lambda m: f"cần «{m.group(1)}» nhưng gặp «{m.group(2)}»",
    ),
    (re.compile(r"No filter named '(.+?)'"), lambda m: f"không có bộ lọc «{m.group(1)}»"),
    (re.compile(r"No test named '(.+?)'"), lambda m: f"không có phép thử «{m.group(1)}»"),
    (
        re.compile(r"Expected an expression, got '(.+?)'"),
        lambda m: f"thiếu biểu thức (gặp «{m.group(1)}»)",
    ),
    (re.compile(r"unexpected '(.+?)'"), lambda m: f"ký tự «{m.group(1)}» đặt sai chỗ"),
    (re.compile(r"unexpected char '(.+?)'"), lambda m: f"ký tự «{m.group(1)}» không hợp lệ"),
]


def _syntax_problem(exc: jinja2.TemplateSyntaxError) -> TemplateProblem:
    detail = exc.message or str(exc)
    for pattern, explain in _SYNTAX_HINTS:
        match = pattern.search(detail)
        if match:
            detail = explain(match).replace("' or '", "' hoặc '")
            break
    near = ""
    context_lines = [line.strip() for line in getattr(exc, "docx_context", []) or []]
    if context_lines and exc.lineno:
        # docxtpl keeps 3 paragraphs of context before the failing one.
        failing = context_lines[min(3, exc.lineno - 1, len(context_lines) - 1)]
        tags = _TAG.findall(failing) or [failing]
        near = " ".join(tags[0].split())[:160]
    message = f"Thẻ mẫu sai cú pháp: {detail}"
    if near:
        message += f" — tại «{near}»"
    return TemplateProblem(message=message, placeholder=near)


def _security_problem(detail: str, tags: list[str], name: str = "") -> TemplateProblem:
    tag = _find_tag(tags, name) if name else ""
    where = f" «{tag}»" if tag else ""
    return TemplateProblem(
        message=f"Thẻ mẫu{where} dùng thao tác không được phép ({detail}).",
        placeholder=tag or name,
    )


def _problem_from_exception(
    exc: Exception, tags: list[str], context: dict[str, Any]
) -> TemplateProblem:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return _syntax_problem(exc)
    if isinstance(exc, SecurityError):
        match = re.search(r"access to attribute '([^']+)'", str(exc))
        if match:
            return _security_problem(f"truy cập «{match.group(1)}»", tags, match.group(1))
        return _security_problem(str(exc), tags)
    if isinstance(exc, jinja2.UndefinedError):
        match = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", str(exc))
        if match:
            return _missing_message(match.group(1) or match.group(2), None, tags, context)
        return TemplateProblem(message=f"Trường không tồn tại: {exc}")
    if isinstance(exc, jinja2.TemplateError):
        return TemplateProblem(message=f"Lỗi thẻ mẫu: {exc}")
    return TemplateProblem(message=f"Mẫu tạo ra tài liệu Word hỏng: {exc}")


@functools.lru_cache(maxsize=4096)  # a report's tables repeat the same figures and words
def _text_twips(text: str, size_pt: float) -> int:
    """The width of a line of Times New Roman text, from its glyphs' advance widths (1/1000
    em), rounded up a little for bold and for Liberation Serif's hinting."""
    units = 0
    for char in text:
        if char.isdigit():
            units += 500
        elif char in ".,:;' ":
            units += 250
        elif char in "-()/":
            units += 333
        elif char.isupper():
            units += 722
        elif char.isalpha():
            units += 480
        else:
            units += 560
    return int(units * size_pt * 20 / 1000 * 1.15)


# Names looked up for each of a report's thousand table cells, qualified once.
_W_P, _W_T, _W_SZ, _W_VAL = qn("w:p"), qn("w:t"), qn("w:sz"), qn("w:val")
_W_W, _W_TYPE, _CELL_WIDTH = qn("w:w"), qn("w:type"), f"{qn('w:tcPr')}/{qn('w:tcW')}"


def _cell_text(cell) -> str:
    return " ".join("".join(t.text or "" for t in p.iter(_W_T)) for p in cell.iter(_W_P)).strip()


def _cell_size(cell) -> float:
    sizes = [int(sz.get(_W_VAL)) / 2 for sz in cell.iter(_W_SZ)]
    return max(sizes, default=12)


def _text_width_of(table) -> int | None:
    """The text width (twips) of the section the table is in: its page less the margins."""
    sect_pr = None
    for sibling in table.itersiblings():
        if sibling.tag == qn("w:p"):
            sect_pr = sibling.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        elif sibling.tag == qn("w:sectPr"):
            sect_pr = sibling
        if sect_pr is not None:
            break
    size = None if sect_pr is None else sect_pr.find(qn("w:pgSz"))
    margins = None if sect_pr is None else sect_pr.find(qn("w:pgMar"))
    if size is None or margins is None:
        return None
    return (
        int(size.get(qn("w:w")))
        - int(margins.get(qn("w:left")))
        - (int(margins.get(qn("w:right"))))
    )


def _column_widths(rows: list[list[tuple[str, float]]], available: int) -> list[int]:
    """Widths that keep every figure on one line and give the row labels what is left.

    The first row is the header: its texts may wrap between words. Other rows' figures never
    wrap; the first column (the row label) wraps between words and is held to a share of the
    line so the figures keep their room."""
    columns = len(rows[0])
    need = [0] * columns  # below this a word or a figure would be cut
    wish = [0] * columns  # at this nothing wraps
    for index, row in enumerate(rows):
        for column, (text, size) in enumerate(row):
            words = max((_text_twips(w, size) for w in text.split()), default=0)
            whole = _text_twips(text, size)
            no_wrap = column > 0 and index > 0
            need[column] = max(need[column], whole if no_wrap else words)
            wish[column] = max(wish[column], whole)
    need = [n + _CELL_PADDING_TWIPS for n in need]
    wish = [w + _CELL_PADDING_TWIPS for w in wish]
    wish[0] = max(need[0], min(wish[0], int(available * _LABEL_SHARE)))
    widths = [wish[0], *need[1:]]
    spare = available - sum(widths)
    if spare < 0:
        # Too many figures for the line: the label gives way down to its longest word.
        widths[0] = max(need[0], widths[0] + spare)
        return widths
    # What is left widens the figure columns towards their unwrapped headers, then evenly.
    short = [max(wish[c] - widths[c], 0) if c > 0 else 0 for c in range(columns)]
    if sum(short):
        given = min(spare, sum(short))
        for column in range(columns):
            widths[column] += given * short[column] // sum(short)
        spare = available - sum(widths)
    for column in range(columns):
        widths[column] += spare // columns
    widths[0] += available - sum(widths)
    return widths


def fit_table_columns(body) -> None:
    """Give every table marked FITTED_TABLE_CAPTION column widths from its rendered texts."""
    for table in body.iterchildren(qn("w:tbl")):
        caption = table.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        if caption is None or caption.get(qn("w:val")) != FITTED_TABLE_CAPTION:
            continue
        rows = [row.findall(qn("w:tc")) for row in table.iterchildren(qn("w:tr"))]
        available = _text_width_of(table)
        if not rows or available is None or len({len(r) for r in rows}) != 1:
            continue
        if table.find(f"{qn('w:tr')}/{qn('w:tc')}/{qn('w:tcPr')}/{qn('w:gridSpan')}") is not None:
            continue
        texts = [[(_cell_text(cell), _cell_size(cell)) for cell in row] for row in rows]
        widths = _column_widths(texts, available)
        grid = table.find(qn("w:tblGrid"))
        for column in grid.findall(qn("w:gridCol")):
            grid.remove(column)
        for width in widths:
            column = grid.makeelement(qn("w:gridCol"), {qn("w:w"): str(width)})
            grid.append(column)
        for row in rows:
            for cell, twips in zip(row, [str(width) for width in widths], strict=True):
                tc_w = cell.find(_CELL_WIDTH)
                if tc_w is not None:
                    tc_w.set(_W_W, twips)
                    tc_w.set(_W_TYPE, "dxa")
        tbl_w = table.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
        if tbl_w is not None:
            tbl_w.set(qn("w:w"), str(sum(widths)))
            tbl_w.set(qn("w:type"), "dxa")


DRAFT_MARK = "DỰ THẢO"


def mark_draft_pages(document) -> None:
    """Put DRAFT_MARK at the top of every page's header (python-docx document): whatever the
    template, a draft is never mistaken for the official report, in Word, PDF or preview."""
    odd_and_even = document.settings.odd_and_even_pages_header_footer
    for index, section in enumerate(document.sections):
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        if odd_and_even:
            headers.append(section.even_page_header)
        for header in headers:
            if header.is_linked_to_previous and index > 0:
                continue  # it shows the previous section's header, already marked
            header.is_linked_to_previous = False
            first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            mark = first.insert_paragraph_before()
            mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = mark.add_run(DRAFT_MARK)
            run.bold = True
            run.font.size = Pt(13)
            run.font.name = "Times New Roman"


def _render(document: DocxTemplate, context: dict[str, Any], env: SandboxedEnvironment) -> bytes:
    document.render(context, jinja_env=env, autoescape=True)
    fit_table_columns(document.docx.element.body)
    buffer = BytesIO()
    document.save(buffer)
    if context.get("draft") is True:
        # Marked on the saved file: docxtpl swaps the rendered headers in behind python-docx's
        # back, so a header changed through `document.docx` would not be the one saved.
        saved = Document(BytesIO(buffer.getvalue()))
        mark_draft_pages(saved)
        buffer = BytesIO()
        saved.save(buffer)
    return buffer.getvalue()


def render_docx(template: bytes, context: dict[str, Any]) -> bytes:
    """Render `template` (.docx bytes) with a plain context dict; raise TemplateError."""
    if not isinstance(context, dict):
        raise TypeError("context must be a dict")
    _ensure_plain(context)
    document = _open_template(template)
    try:
        return _render(document, context, _environment(jinja2.StrictUndefined))
    except (TemplateError, MemoryError):
        raise
    except Exception as exc:
        # Rendering errors come from the uploaded template, so they are the user's to fix.
        problem = _problem_from_exception(exc, _template_tags(template), context)
        raise TemplateError(problem.message) from exc


def _collecting_undefined(sink: list[jinja2.Undefined]) -> type[jinja2.Undefined]:
    """An Undefined that notes each use and renders as empty, so that one pass over the
    template reports every missing field instead of only the first."""

    class CollectingUndefined(jinja2.ChainableUndefined):
        __slots__ = ()

        def _note(self) -> None:
            sink.append(self)

        def __str__(self) -> str:
            self._note()
            return ""

        def __html__(self) -> str:
            return str(self)

        def __iter__(self) -> Iterator[Any]:
            self._note()
            return iter(())

        def __bool__(self) -> bool:
            self._note()
            return False

        def __len__(self) -> int:
            self._note()
            return 0

    return CollectingUndefined


def _leftover_tags(document: bytes) -> list[str]:
    """Jinja markers docxtpl did not see, e.g. a tag split by Word into unusual XML."""
    leftovers = []
    for text in _paragraph_texts(document):
        for marker in ("{{", "{%", "%}", "}}"):
            if marker in text:
                start = max(text.index(marker) - 20, 0)
                leftovers.append(" ".join(text[start : start + 80].split()))
                break
    return leftovers


def check_template(template: bytes, *, sample: dict[str, Any]) -> list[TemplateProblem]:
    """Render `template` against `sample` and list what is wrong (empty list: usable)."""
    try:
        document = _open_template(template)
    except TemplateError as exc:
        return [TemplateProblem(message=str(exc))]
    tags = _template_tags(template)
    problems: list[TemplateProblem] = []

    used: list[jinja2.Undefined] = []
    try:
        _render(document, sample, _environment(_collecting_undefined(used)))
    except MemoryError:
        raise  # the bounded renderer (bounded.py) names the limit
    except Exception as exc:
        problems.append(_problem_from_exception(exc, tags, sample))
    for undefined in used:
        name = str(undefined._undefined_name or "")
        if undefined._undefined_exception is SecurityError:
            problems.append(_security_problem(f"truy cập «{name}»", tags, name))
        else:
            problems.append(_missing_message(name, undefined._undefined_obj, tags, sample))

    if not problems:
        # The lenient pass can miss strict-only failures (comparisons with a missing field).
        try:
            rendered = render_docx(template, sample)
        except TemplateError as exc:
            problems.append(TemplateProblem(message=str(exc)))
        else:
            for tag in _leftover_tags(rendered):
                problems.append(
                    TemplateProblem(
                        message=f"Thẻ «{tag}» không được thay: có thể thẻ bị ngắt bởi định dạng.",
                        placeholder=tag,
                    )
                )
    return list(dict.fromkeys(problems))


def placeholder_reference() -> list[tuple[str, str]]:
    """Every placeholder of the context, with a Vietnamese description for template authors."""
    return [
        ("header.parent_body", "Tên cơ quan cấp trên trực tiếp (mẫu tự viết hoa; có thể để trống)"),
        ("header.issuing_body", "Tên cơ quan ban hành báo cáo (mẫu tự viết hoa)"),
        ("header.number", "Số, ký hiệu văn bản, ví dụ «12/BC-BCĐ»"),
        ("header.date_line", "Địa danh và ngày tháng, ví dụ «Bù Đăng, ngày 15 tháng 6 năm 2020»"),
        ("subject", "Trích yếu nội dung báo cáo, in dưới chữ «BÁO CÁO»"),
        ("period_title", "Kỳ báo cáo, ví dụ «6 THÁNG ĐẦU NĂM 2020» (mẫu tự viết hoa)"),
        ("next_period_title", "Kỳ tiếp theo, dùng ở Phần thứ hai (mẫu tự viết hoa)"),
        ("level_upper", "Cấp báo cáo, ví dụ «HUYỆN», «TỈNH» (mẫu tự viết hoa)"),
        ("opening", "Câu mở đầu (căn cứ báo cáo)"),
        ("leadership", "Danh sách đoạn văn mục I. Công tác lãnh đạo, chỉ đạo"),
        ("information", "Danh sách đoạn văn mục II.1. Phối hợp tuyên truyền, vận động"),
        (
            "defence",
            "Danh sách đoạn văn mục II.2. Phối hợp thực hiện nhiệm vụ quốc phòng - an ninh",
        ),
        ("organisations", "Danh sách các đơn vị của mục II.3 (mỗi đơn vị một tiểu mục 3.1, 3.2…)"),
        ("organisations[].number", "Số tiểu mục của đơn vị, ví dụ «3.1» (mẫu tự thêm dấu chấm)"),
        ("organisations[].heading", "Tên tiểu mục, ví dụ «Phối hợp hoạt động giữa Ban CHQS với…»"),
        ("organisations[].paragraphs", "Danh sách đoạn văn của đơn vị"),
        ("organisations[].figures", "Danh sách số liệu của đơn vị (có thể rỗng)"),
        ("organisations[].figures[].name", "Tên chỉ tiêu, ví dụ «Tuyên truyền»"),
        (
            "organisations[].figures[].value",
            "Giá trị đã định dạng, ví dụ «25 cuộc với 14.250 lượt»",
        ),
        (
            "organisations[].figures[].comparison",
            "So sánh đã định dạng, ví dụ «tăng 12,5% so với cùng kỳ» (có thể để trống)",
        ),
        (
            "programme_progress",
            "Danh sách đoạn văn mục II.4. Thực hiện chỉ tiêu chương trình phối hợp "
            "(«đạt 50% chỉ tiêu năm»), nội dung chưa có hoạt động, hoạt động phối hợp",
        ),
        ("communes", "Danh sách đoạn văn mục III. Kết quả ở cơ sở (xã, phường)"),
        ("inspections", "Danh sách đoạn văn về kiểm tra các Ban điều phối xã (cuối mục III)"),
        ("strengths", "Danh sách đoạn văn mục IV.1. Điểm mạnh"),
        ("weaknesses", "Danh sách đoạn văn mục IV.2. Hạn chế, yếu kém"),
        ("causes_strengths", "Danh sách đoạn văn mục IV.3.a. Nguyên nhân của điểm mạnh"),
        ("causes_weaknesses", "Danh sách đoạn văn mục IV.3.b. Nguyên nhân của hạn chế"),
        ("plan", "Danh sách đoạn văn Phần thứ hai. Phương hướng kỳ tới"),
        ("closing", "Câu kết thúc, ví dụ «Trên đây là báo cáo sơ kết…./.»"),
        (
            "recipients",
            "Danh sách nơi nhận, chỉ ghi tên (mẫu tự thêm «- » ở đầu và «;» hoặc «.» ở cuối)",
        ),
        ("signature.on_behalf", "Thẩm quyền ký, ví dụ «TM. BAN CHỈ ĐẠO» (có thể để trống)"),
        ("signature.title", "Chức vụ người ký, ví dụ «TRƯỞNG BAN»"),
        ("signature.signed_note", "Ghi chú chữ ký, ví dụ «(Đã ký)» (có thể để trống)"),
        ("signature.name", "Họ và tên người ký"),
        ("appendices", "Danh sách phụ lục; mỗi phụ lục là một bảng trên trang riêng"),
        ("appendices[].title", "Tên phụ lục (mẫu tự viết hoa)"),
        ("appendices[].columns", "Tên các cột; cột đầu là tên đơn vị, các cột sau là số liệu"),
        ("appendices[].rows", "Các dòng của bảng, mỗi dòng là danh sách ô đã định dạng"),
        ("appendices[].total", "Dòng tổng cộng (danh sách ô) hoặc danh sách rỗng nếu không có"),
    ]
