"""Sample review-report context taken from the Bù Đăng H1 2020 seed report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SAMPLE_CONTEXT = Path(__file__).resolve().parent / "sample_context.yaml"


def sample_context() -> dict[str, Any]:
    """A complete rendering context: every figure is already formatted Vietnamese text.

    Read afresh on every call, so a caller may change its copy freely.
    """
    return yaml.safe_load(SAMPLE_CONTEXT.read_text(encoding="utf-8"))
