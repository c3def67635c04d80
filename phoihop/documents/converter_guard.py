"""The kept converter's own program: unoserver, under a guard that ends it with its owner.

Run by `converter.start_converter` with the system Python (where LibreOffice's `uno` lives),
never imported: `python3 -I converter_guard.py OWNER_PID SITE_PACKAGES unoserver-arguments…`.
unoserver, its LibreOffice launcher and LibreOffice itself share one process group (their own
session). The process that started them (the task worker) stops that group when it stops; when
it dies without stopping it (killed by `serve` for not stopping, by an administrator, by the
kernel for memory), the guard sees its owner gone and ends the group itself, so no LibreOffice
is left holding memory. Standard library only: this runs outside the project's environment.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

POLL_SECONDS = 1.0
GRACE_SECONDS = 5.0


def _watch(owner: int, gone: threading.Event) -> None:
    while os.getppid() == owner:
        time.sleep(POLL_SECONDS)
    gone.set()
    os.killpg(0, signal.SIGTERM)  # unoserver passes it on; its LibreOffice gets it too
    time.sleep(GRACE_SECONDS)
    os.killpg(0, signal.SIGKILL)  # whatever did not end, this process included


def main() -> int:
    owner = int(sys.argv.pop(1))
    site_packages = sys.argv.pop(1)
    if os.getppid() != owner:
        return 0  # the owner died before this started
    gone = threading.Event()
    watcher = threading.Thread(target=_watch, args=(owner, gone), daemon=True, name="owner-watch")
    watcher.start()
    sys.path.append(site_packages)  # unoserver's own imports come after the system's
    from unoserver.server import main as serve

    status = int(serve() or 0)
    if gone.is_set():
        # unoserver returns once the SIGTERM reached it; a LibreOffice stuck in a conversion
        # may not have ended: the watcher's SIGKILL must still come, so do not exit before it.
        watcher.join()
    return status


if __name__ == "__main__":
    sys.exit(main())
