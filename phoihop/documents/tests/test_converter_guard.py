"""The kept converter's guard: when the process that started the converter dies without stopping
it, the converter's whole process group ends, even a LibreOffice stuck where SIGTERM does not
reach it. A stand-in unoserver (standard library only) takes the real one's place: it starts a
child that ignores SIGTERM and, as unoserver does, returns once SIGTERM reaches it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from phoihop.documents import converter

GUARD = Path(converter.__file__).with_name("converter_guard.py")

STAND_IN = """
import signal, subprocess, sys, threading

def main():
    stubborn = subprocess.Popen(
        [sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, "
         "signal.SIG_IGN); print(flush=True); time.sleep(300)"],
        stdout=subprocess.PIPE,
    )
    stubborn.stdout.readline()  # it ignores SIGTERM from here on
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *args: stopped.set())
    print("ready", flush=True)
    stopped.wait()
    return 0
"""

OWNER = """
import os, subprocess, sys, time
guard = subprocess.Popen(
    [sys.argv[3], "-I", sys.argv[1], str(os.getpid()), sys.argv[2]],
    start_new_session=True, stdout=subprocess.PIPE,
)
guard.stdout.readline()  # the stand-in is ready
print(guard.pid, flush=True)
time.sleep(300)
"""


def test_a_dead_owner_takes_even_a_stubborn_converter_with_it(tmp_path):
    site = tmp_path / "site"
    (site / "unoserver").mkdir(parents=True)
    (site / "unoserver" / "__init__.py").write_text("")
    (site / "unoserver" / "server.py").write_text(STAND_IN)
    owner = subprocess.Popen(
        # The guard runs under the system Python, as the converter's does.
        [sys.executable, "-c", OWNER, str(GUARD), str(site), converter.SYSTEM_PYTHON],
        stdout=subprocess.PIPE,
    )
    group = int(owner.stdout.readline())
    try:
        assert len(converter.group_members(group)) == 2  # the guard and its stubborn child
        owner.kill()
        owner.wait()
        deadline = time.monotonic() + 20
        while converter.group_members(group) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert converter.group_members(group) == []
    finally:
        if owner.poll() is None:
            owner.kill()
        if converter.group_members(group):
            os.killpg(group, signal.SIGKILL)  # leave nothing behind, whatever the outcome
