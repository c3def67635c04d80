"""`phoihop db_worker`: django-tasks-db's worker, which also keeps the PDF converter running and
deletes old jobs' files (at start, then at most hourly, after a task).

Stopping it (SIGTERM, SIGINT, twice or more) always stops the converter's process group too:
once the worker's loop ends, further signals are ignored until the converter is gone, and an
`atexit` hook stops it on any other way out of the interpreter."""

from __future__ import annotations

import atexit
import contextlib
import logging
import signal
import time
from collections.abc import Iterator
from typing import Any

from django_tasks.signals import task_finished
from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

from phoihop.documents.converter import start_converter, stop_converter
from phoihop.jobs.services import purge_jobs

logger = logging.getLogger(__name__)

_SIGNALS = [
    signal.SIGINT,
    signal.SIGTERM,
    *([signal.SIGQUIT] if hasattr(signal, "SIGQUIT") else []),
]
PURGE_EVERY_SECONDS = 3600


class _Purger:
    """Old jobs and their files deleted now and again: never more than hourly, never fatal."""

    def __init__(self) -> None:
        self.last: float | None = None

    def __call__(self, **_signal: Any) -> None:
        if self.last is not None and time.monotonic() - self.last < PURGE_EVERY_SECONDS:
            return
        self.last = time.monotonic()
        try:
            purged = purge_jobs()
        except Exception:
            logger.exception("could not delete old jobs")
            return
        if purged.jobs or purged.files:
            logger.info("deleted %d old jobs and %d files", purged.jobs, purged.files)


PURGE_UID = "phoihop-purge-jobs"


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Signals that arrive meanwhile wait until the block ends (not on Windows)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)


def _ignore_signals() -> None:
    """From now on signals are ignored. The worker's handler for a second signal ("force")
    may still interrupt this once; then it starts again."""
    while True:
        try:
            for sig in _SIGNALS:
                signal.signal(sig, signal.SIG_IGN)
        except SystemExit:
            continue
        return


def _exit(signum: int, frame: Any) -> None:
    """Before the worker installs its own handlers (and after): end the way the worker does."""
    raise SystemExit(0)


class Command(WorkerCommand):
    help = (
        "Chạy các việc nền (PDF, ZIP, kiểm tra lại, nhắc hạn) đang chờ trong cơ sở dữ liệu; "
        "giữ sẵn một LibreOffice để chuyển PDF nhanh."
    )

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--no-converter",
            action="store_true",
            help="Không giữ sẵn LibreOffice (mỗi PDF khởi động LibreOffice riêng).",
        )

    def handle(self, **options: Any) -> None:  # type: ignore[override]
        no_converter = options.pop("no_converter", False)
        # The worker installs its own SIGINT/SIGTERM handlers; a run inside another process
        # (a test, `call_command`) gets that process's handlers back afterwards.
        handlers = {sig: signal.getsignal(sig) for sig in _SIGNALS}
        purger = _Purger()
        started = None
        try:
            for sig in _SIGNALS:
                signal.signal(sig, _exit)
            if not (no_converter or options.get("batch")):
                with _signals_held():  # a signal now comes once the converter is recorded
                    started = start_converter()
                    if started:
                        atexit.register(stop_converter)
            purger()
            task_finished.connect(purger, weak=False, dispatch_uid=PURGE_UID)
            super().handle(**options)
        finally:
            _ignore_signals()  # a second (third…) signal must not cut the stop short
            try:
                task_finished.disconnect(dispatch_uid=PURGE_UID)
                if started:
                    stop_converter()
                    atexit.unregister(stop_converter)
            finally:
                for sig, handler in handlers.items():
                    signal.signal(sig, handler)
