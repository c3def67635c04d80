"""Shared fixtures: the default template and the seed sample rendered once per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from io import BytesIO
from typing import Any

import docx
import pytest

from phoihop.documents.default_template import build_default_template
from phoihop.documents.rendering import render_docx
from phoihop.documents.sample import sample_context


@pytest.fixture(scope="session")
def template() -> bytes:
    return build_default_template()


@pytest.fixture
def sample() -> dict[str, Any]:
    return sample_context()


@pytest.fixture(scope="session")
def rendered(template: bytes) -> bytes:
    return render_docx(template, sample_context())


@pytest.fixture
def report(rendered: bytes) -> docx.document.Document:
    return docx.Document(BytesIO(rendered))


@pytest.fixture(scope="session")
def kept_converter(tmp_path_factory) -> Iterator[int | None]:
    """One kept LibreOffice per test worker, on a port of its own, for the PDFs of these tests:
    started at once and not waited for (until it answers, a one-shot soffice converts, as in
    production), stopped at the end. Its port, or None where it cannot be kept (no unoserver or
    python3-uno) or PHOIHOP_TEST_CONVERTER=0 asks for one-shot conversions only."""
    from django.test.utils import override_settings

    from phoihop.documents import converter

    # Apart from the ports test_converter.py starts its own on (21000–24998) and from the
    # system's ephemeral ones (32768 and up).
    port = 25000 + 2 * (os.getpid() % 2000)
    own = override_settings(
        DATA_DIR=tmp_path_factory.mktemp("converter"),
        PHOIHOP_CONVERTER=True,
        PHOIHOP_CONVERTER_PORT=port,
    )
    wanted = os.environ.get("PHOIHOP_TEST_CONVERTER") != "0"
    with own:
        started = wanted and converter.can_keep_converter() and converter.start_converter()
    yield port if started else None
    if started:
        with own:
            converter.stop_converter()


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path, kept_converter):
    """Each test its own document cache and job files: a cached PDF of another test would
    hide what this one checks."""
    settings.DATA_DIR = tmp_path
    settings.PHOIHOP_CACHE_DIR = tmp_path / "cache"
    settings.PHOIHOP_JOBS_DIR = tmp_path / "jobs"
    # The worker's kept converter when it answers, else a one-shot soffice (the same PDF);
    # test_converter.py sets its own.
    settings.PHOIHOP_CONVERTER = kept_converter is not None
    if kept_converter is not None:
        settings.PHOIHOP_CONVERTER_PORT = kept_converter


@pytest.fixture(scope="session")
def soffice() -> None:
    """LibreOffice for the PDF tests. Not a skip: the PDF path is part of the product, and CI
    installs it (./scripts/system-deps.sh)."""
    from phoihop.documents.pdf import soffice_available

    if not soffice_available():
        pytest.fail(
            "LibreOffice (soffice) is not installed: install it to run the PDF tests, e.g. "
            "`apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils`."
        )
