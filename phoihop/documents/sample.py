"""Sample review-report context taken from the Bù Đăng H1 2020 seed report."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent
SAMPLE_CONTEXT = DATA / "sample_context.yaml"
SEED_REPORT = DATA / "data" / "seed" / "000_755666b3e69796d6.txt"


def _seed_paragraphs() -> list[str]:
    """The seed report's paragraphs, one per line of the file, spaces tidied."""
    text = SEED_REPORT.read_text(encoding="utf-8")
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]


def _resolve(value: Any, paragraphs: list[str]) -> Any:
    """Replace every {seed: OPENING WORDS} by the one seed paragraph that starts so."""
    if isinstance(value, dict):
        if set(value) == {"seed"}:
            found = [p for p in paragraphs if p.startswith(value["seed"])]
            if len(found) != 1:
                raise ValueError(f"sample_context.yaml: {len(found)} seed paragraphs for {value}")
            return found[0]
        return {key: _resolve(item, paragraphs) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve(item, paragraphs) for item in value]
    return value


def sample_context() -> dict[str, Any]:
    """A complete rendering context: every figure is already formatted Vietnamese text.

    Read afresh on every call, so a caller may change its copy freely.
    """
    context = yaml.safe_load(SAMPLE_CONTEXT.read_text(encoding="utf-8"))
    return _resolve(context, _seed_paragraphs())
