"""`phoihop report`: DOCX, PDF, the communes' zip, and clear refusals."""

from __future__ import annotations

import zipfile

import pytest
from django.core.management import CommandError, call_command


def test_it_writes_a_docx_for_a_unit_name(db, tmp_path):
    out = tmp_path / "bd.docx"
    call_command("report", unit="Bù Đăng", period="2020S1", out=str(out))
    assert zipfile.is_zipfile(out)


def test_it_refuses_an_ambiguous_unit_name(db, tmp_path):
    with pytest.raises(CommandError, match="nhiều đơn vị.*25504.*75"):
        call_command("report", unit="Đồng Nai", period="2020S1", out=str(tmp_path / "x.docx"))


def test_it_refuses_an_unknown_unit(db, tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị"):
        call_command("report", unit="Atlantis", period="2020S1", out=str(tmp_path / "x.docx"))


def test_it_refuses_a_bad_period(db, tmp_path):
    with pytest.raises(CommandError, match="Kỳ báo cáo không hợp lệ"):
        call_command("report", unit="698", period="2020X", out=str(tmp_path / "x.docx"))


def test_it_zips_the_16_communes(db, tmp_path):
    out = tmp_path / "xa.zip"
    call_command("report", unit="698", period="2020S1", all_communes=True, out=str(out))
    with zipfile.ZipFile(out) as archive:
        assert len(archive.namelist()) == 16


def test_it_uses_a_given_template(db, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a word file")
    with pytest.raises(CommandError):
        call_command(
            "report",
            unit="698",
            period="2020S1",
            out=str(tmp_path / "x.docx"),
            template=str(broken),
        )


def test_it_writes_a_pdf(db, tmp_path, soffice):
    out = tmp_path / "bd.pdf"
    call_command("report", unit="698", period="2020S1", out=str(out))
    assert out.read_bytes().startswith(b"%PDF")
