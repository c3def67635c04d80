"""Generated documents kept on disk by what they are made of, so the same report is built once.

The key is a digest of the template's bytes and of the whole rendering context: the context is
the report's data version — it holds every accepted figure, narrative and status the report
shows, the header and the issue date — so any change to them (or to the template) gives a new
key and a stale file can never be served. Files live under DATA_DIR/cache/documents; deleting
that folder is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from django.conf import settings

# Bump when the rendering code changes what the same template and data produce.
RENDERING_VERSION = "1"


def cache_dir() -> Path:
    root = Path(getattr(settings, "PHOIHOP_CACHE_DIR", Path(settings.DATA_DIR) / "cache"))
    folder = root / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def document_key(template: bytes, context: dict[str, Any]) -> str:
    digest = hashlib.sha256()
    digest.update(RENDERING_VERSION.encode())
    digest.update(hashlib.sha256(template).digest())
    digest.update(json.dumps(context, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:40]


def cached_file(key: str, suffix: str) -> Path | None:
    path = cache_dir() / f"{key}.{suffix}"
    return path if path.is_file() else None


def store_file(key: str, suffix: str, content: bytes) -> Path:
    """Write atomically: a reader never sees half a file."""
    target = cache_dir() / f"{key}.{suffix}"
    handle, temporary = tempfile.mkstemp(dir=cache_dir(), prefix=".tmp-")
    with os.fdopen(handle, "wb") as out:
        out.write(content)
    os.replace(temporary, target)
    return target


def cached_pages(key: str) -> list[Path] | None:
    """The preview's page images, first page first, if made already."""
    folder = cache_dir() / f"{key}-preview"
    if not (folder / "complete").exists():
        return None
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[1]))


def store_pages(key: str, pages: list[bytes]) -> Path:
    """Write the page images into a fresh folder, then move it into place in one step."""
    target = cache_dir() / f"{key}-preview"
    building = Path(tempfile.mkdtemp(dir=cache_dir(), prefix=".tmp-"))
    for number, png in enumerate(pages, start=1):
        (building / f"page-{number}.png").write_bytes(png)
    (building / "complete").touch()
    try:
        os.replace(building, target)
    except OSError:  # another worker finished the same preview first
        shutil.rmtree(building, ignore_errors=True)
    return target


# A remembered key is trusted this long at most: the data mark does not see every change (a
# unit renamed), so after this the report's data is read again.
REMEMBER_SECONDS = 3600


def _quick_path(quick: str) -> Path:
    folder = cache_dir() / "known"
    folder.mkdir(exist_ok=True)
    return folder / hashlib.sha256(quick.encode()).hexdigest()[:40]


def remembered_key(quick: str) -> str | None:
    """The document key last found for this quick token (unit, period, options, template,
    data mark), if recent."""
    path = _quick_path(quick)
    try:
        if time.time() - path.stat().st_mtime > REMEMBER_SECONDS:
            return None
        return path.read_text(encoding="ascii").strip() or None
    except OSError:
        return None


def remember_key(quick: str, key: str) -> None:
    path = _quick_path(quick)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(key)
    os.replace(temporary, path)
