"""Shared fixtures: the default template and the seed sample rendered once per session."""

from __future__ import annotations

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


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Each test its own document cache and job files: a cached PDF of another test would
    hide what this one checks."""
    settings.DATA_DIR = tmp_path
    settings.PHOIHOP_CACHE_DIR = tmp_path / "cache"
    settings.PHOIHOP_JOBS_DIR = tmp_path / "jobs"
    # One-shot soffice unless a test starts its own kept converter (test_converter.py).
    settings.PHOIHOP_CONVERTER = False
