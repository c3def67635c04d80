"""No upload breaks the import: time linear in the size, the database held only to write."""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import random
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phoihop.demo.seed import SEED_REPORT
from phoihop.imports import proposals, services
from phoihop.imports.models import ImportCandidate, ImportSession

ROOT = Path(__file__).resolve().parents[3]

# What the attack of issue 15 uploaded: 9 kB of one figure repeated a thousand times.
REPEATED = ("15 cuộc " * 1000).encode()
# A long report: a figure sentence and prose, to 1,8 MB, fewer numbers than the refusal limit.
PROSE_LINE = (
    "Hội Nông dân tổ chức tuyên truyền được 15 cuộc cho cán bộ hội viên và nhân dân trên địa "
    "bàn; nội dung tập trung vào chủ trương của Đảng, chính sách pháp luật của Nhà nước, nhiệm "
    "vụ quốc phòng, quân sự địa phương, phòng chống tội phạm và tệ nạn xã hội, giữ gìn an ninh "
    "trật tự, xây dựng nông thôn mới, bảo vệ môi trường và ứng phó với biến đổi khí hậu.\n"
)

_SCRIPT = """
import os, sys, time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
from phoihop.imports.ranking import Catalogue, IndicatorKeywords, rank_candidates
from phoihop.imports.services import ImportRefused, read_report
catalogue = Catalogue([
    IndicatorKeywords(f"c{i}", f"Số cuộc tuyên truyền {i}", "cuộc", ["tuyên truyền", f"từ {i}"])
    for i in range(60)
])
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    try:
        result = read_report(data, file_name=os.path.basename(path))
    except ImportRefused as refused:
        print(path, "refused", refused.messages[0][:60])
        continue
    figures = result.figures
    ranked = sum(1 for f in figures[:1000] if rank_candidates(f, catalogue))
    print(path, len(figures), ranked)
"""


def test_the_files_that_froze_the_server_are_read_in_seconds(tmp_path: Path) -> None:
    small = tmp_path / "lap_lai_9kb.txt"
    small.write_bytes(REPEATED)
    repeated = tmp_path / "lap_lai_1_8mb.txt"
    repeated.write_bytes(("15 cuộc " * 225_000).encode())
    long_report = tmp_path / "bao_cao_dai_1_8mb.txt"
    long_report.write_bytes((PROSE_LINE * 3800).encode())
    assert len(REPEATED) > 8000 and repeated.stat().st_size > 1_800_000
    assert long_report.stat().st_size > 1_800_000

    # Before, the 9 kB file never finished and the 1,8 MB one ran for over ten minutes.
    completed = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(small), str(repeated), str(long_report)],
        capture_output=True,
        text=True,
        timeout=120,  # seconds on a loaded shared machine; before, the 9 kB file never ended
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    lines = completed.stdout.splitlines()
    assert lines[0].endswith(" 1000 1000")  # every figure read and ranked
    assert "refused Tệp «lap_lai_1_8mb.txt» có 225.000 con số" in lines[1]
    assert lines[2].endswith(" 3800 1000")


def _calls(data: bytes) -> int:
    """Python function calls made to read an upload: a count, the same on any machine."""
    profile = cProfile.Profile()
    profile.runcall(services.read_report, data, file_name="a.txt")
    stats = pstats.Stats(profile, stream=io.StringIO())
    return stats.total_calls  # type: ignore[attr-defined]


def test_reading_grows_linearly_with_the_figures() -> None:
    small, large = _calls(("15 cuộc " * 250).encode()), _calls(("15 cuộc " * 2000).encode())
    # Eight times the figures: about eight times the work (it was over sixty times).
    assert large < 9 * small, (small, large)
    prose_small = _calls((PROSE_LINE * 50).encode())
    prose_large = _calls((PROSE_LINE * 400).encode())
    assert prose_large < 9 * prose_small, (prose_small, prose_large)


@pytest.mark.django_db
def test_creating_a_session_asks_the_same_few_queries_for_any_size(personas) -> None:
    user = personas["vanphong"]
    with CaptureQueriesContext(connection) as seed_queries:
        services.create_import_session(user, file_name="a.txt", data=SEED_REPORT.read_bytes())
    reads = {}
    for count in (50, 400):
        with CaptureQueriesContext(connection) as queries:
            session = services.create_import_session(
                user, file_name="a.txt", data=("15 cuộc " * count).encode()
            )
        assert session.candidates.count() == count
        reads[count] = [q for q in queries.captured_queries if "INSERT" not in q["sql"]]
    # The catalogue is read once per import (it was 145 queries, one round per figure), and
    # what earlier imports taught in one more.
    assert len(seed_queries.captured_queries) <= 13
    assert len(reads[50]) == len(reads[400])


@pytest.mark.django_db
def test_the_figures_are_read_before_the_database_is_held(personas, monkeypatch) -> None:
    depth = len(connection.atomic_blocks)
    seen: list[int] = []
    original = proposals.propose_candidates

    def spy(result, organisations):
        seen.append(len(connection.atomic_blocks))
        return original(result, organisations)

    monkeypatch.setattr(proposals, "propose_candidates", spy)
    services.create_import_session(
        personas["vanphong"], file_name="a.txt", data=SEED_REPORT.read_bytes()
    )
    assert seen == [depth]  # no transaction opened while reading and ranking


def _empty_docx() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("ngau_nhien.txt", random.Random(1).randbytes(9000)),
        ("ngau_nhien_lon.txt", random.Random(2).randbytes(300_000)),
        ("ngau_nhien.docx", random.Random(3).randbytes(5000)),
        ("ngau_nhien.pdf", random.Random(4).randbytes(5000)),
        ("trong.docx", _empty_docx()),
        ("trong.txt", b""),
        ("chi_dau_cach.txt", b" \n\t\n"),
    ],
)
def test_random_bytes_and_empty_files_find_no_figures(personas, client_for, name, data) -> None:
    with pytest.raises(services.ImportRefused) as refused:
        services.create_import_session(personas["vanphong"], file_name=name, data=data)
    assert "Không tìm thấy số liệu" in refused.value.messages[0]
    assert not ImportSession.objects.exists()
    assert not ImportCandidate.objects.exists()
