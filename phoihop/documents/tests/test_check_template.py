"""Tests of template validation, Vietnamese error messages and the Jinja sandbox."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from typing import Any

import docx
import pytest

from phoihop.documents.rendering import (
    NOT_DOCX_MESSAGE,
    TemplateError,
    TemplateProblem,
    check_template,
    placeholder_reference,
    render_docx,
)


def _replace_in_template(template: bytes, old: str, new: str) -> bytes:
    """The default template with one string of word/document.xml replaced."""
    source = zipfile.ZipFile(BytesIO(template))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text
                data = text.replace(old, new).encode("utf-8")
            target.writestr(item, data)
    return buffer.getvalue()


def _docx_with(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _messages(problems: list[TemplateProblem]) -> str:
    return "\n".join(problem.message for problem in problems)


def test_it_accepts_the_default_template(template: bytes, sample) -> None:
    assert check_template(template, sample=sample) == []


def test_it_names_a_broken_placeholder(template: bytes, sample) -> None:
    broken = _replace_in_template(template, "{{ header.number }}", "{{ header.numbr }}")
    problems = check_template(broken, sample=sample)
    assert problems, "a misspelt field must be reported"
    assert "Trường «{{ header.numbr }}» không tồn tại." in problems[0].message
    assert "«number»" in problems[0].message  # the suggestion
    assert problems[0].placeholder == "{{ header.numbr }}"


def test_it_reports_every_broken_placeholder_at_once(sample) -> None:
    problems = check_template(
        _docx_with(
            "{{ subjet }}",
            "{{ signature.nam }}",
            "{%p for x in leadershp %}",
            "{{ x }}",
            "{%p endfor %}",
        ),
        sample=sample,
    )
    text = _messages(problems)
    assert "«{{ subjet }}»" in text and "«subject»" in text
    assert "«{{ signature.nam }}»" in text
    assert "«leadershp»" in text


def test_it_reports_a_syntax_error(sample) -> None:
    problems = check_template(_docx_with("{%p for x in leadership %}", "{{ x }}"), sample=sample)
    assert len(problems) == 1
    assert problems[0].message.startswith("Thẻ mẫu sai cú pháp:")
    assert "endfor" in problems[0].message

    problems = check_template(_docx_with("Số: {{ header.number }"), sample=sample)
    assert problems and problems[0].message.startswith("Thẻ mẫu sai cú pháp:")


@pytest.mark.parametrize(
    "upload",
    [
        b"",
        b"%PDF-1.7 not a word file",
        b"PK\x03\x04 broken zip",
    ],
)
def test_it_rejects_files_that_are_not_docx(upload: bytes, sample) -> None:
    assert check_template(upload, sample=sample) == [TemplateProblem(message=NOT_DOCX_MESSAGE)]
    with pytest.raises(TemplateError, match="không phải tệp Word"):
        render_docx(upload, sample)


def test_it_rejects_a_zip_without_a_document(sample) -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    problems = check_template(buffer.getvalue(), sample=sample)
    assert _messages(problems) == NOT_DOCX_MESSAGE


@pytest.mark.parametrize(
    "tag",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ header.__class__.__mro__[1].__subclasses__() }}",
        "{{ subject.__class__ }}",
        "{{ header.items.__self__ }}",
    ],
)
def test_the_sandbox_blocks_attribute_escapes(tag: str, sample) -> None:
    template = _docx_with(tag)
    with pytest.raises(TemplateError) as error:
        render_docx(template, sample)
    assert "<class" not in str(error.value)  # nothing of Python's internals leaks out
    problems = check_template(template, sample=sample)
    assert problems and "không được phép" in _messages(problems)


@pytest.mark.parametrize(
    "tag",
    [
        "{{ range(10) | list }}",
        "{{ lipsum() }}",
        "{{ cycler(1, 2).next() }}",
        "{{ namespace(a=1) }}",
    ],
)
def test_the_sandbox_exposes_no_globals(tag: str, sample) -> None:
    with pytest.raises(TemplateError):
        render_docx(_docx_with(tag), sample)
    assert check_template(_docx_with(tag), sample=sample)


@pytest.mark.parametrize("tag", ["{{ 'x' * 1000000000 }}", "{{ 9 ** 999999 }}"])
def test_the_sandbox_refuses_memory_bombs(tag: str, sample) -> None:
    with pytest.raises(TemplateError, match="không được phép"):
        render_docx(_docx_with(tag), sample)


def test_the_sandbox_still_allows_safe_filters(sample) -> None:
    rendered = render_docx(_docx_with("{{ subject | upper }} – {{ plan | length }}"), sample)
    text = docx.Document(BytesIO(rendered)).paragraphs[0].text
    assert text == f"{sample['subject'].upper()} – {len(sample['plan'])}"


def _paths(value: Any, prefix: str = "") -> set[str]:
    paths: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            paths.add(path)
            paths |= _paths(item, path)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for item in value:
            paths |= _paths(item, f"{prefix}[]")
    return paths


def test_the_placeholder_reference_documents_every_field(sample) -> None:
    documented = dict(placeholder_reference())
    assert all(description.strip() for description in documented.values())
    containers = {"header", "signature"}
    assert _paths(sample) - containers == set(documented)


def test_the_default_template_uses_only_documented_fields(template: bytes) -> None:
    with zipfile.ZipFile(BytesIO(template)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    documented = {name.split(".")[0].split("[")[0] for name, _ in placeholder_reference()}
    loop_names = {
        "text",
        "organisation",
        "figure",
        "recipient",
        "appendix",
        "row",
        "column",
        "value",
        "loop",
    }
    used = set(re.findall(r"\{[{%][pr]?\s*(?:for \w+ in |if )?([a-z_]+)", xml))
    assert used - {"for", "if", "else", "endfor", "endif", "tr", "tc"} <= documented | loop_names


@pytest.mark.parametrize("tag", ["{{ header.clear() }}", "{{ plan.append('x') }}"])
def test_the_sandbox_cannot_mutate_the_context(tag: str, sample) -> None:
    before = len(sample["plan"]), dict(sample["header"])
    with pytest.raises(TemplateError, match="không được phép"):
        render_docx(_docx_with(tag), sample)
    assert (len(sample["plan"]), sample["header"]) == before
