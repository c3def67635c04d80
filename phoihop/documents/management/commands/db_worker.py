"""`phoihop db_worker`: django-tasks-db's worker, which also keeps the PDF converter running."""

from __future__ import annotations

import signal
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

from phoihop.documents.converter import start_converter, stop_converter

_SIGNALS = [
    signal.SIGINT,
    signal.SIGTERM,
    *([signal.SIGQUIT] if hasattr(signal, "SIGQUIT") else []),
]


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
        started = None if no_converter or options.get("batch") else start_converter()
        # The worker installs its own SIGINT/SIGTERM handlers; a run inside another process
        # (a test, `call_command`) gets that process's handlers back afterwards.
        handlers = {sig: signal.getsignal(sig) for sig in _SIGNALS}
        try:
            super().handle(**options)
        finally:
            for sig, handler in handlers.items():
                signal.signal(sig, handler)
            if started:
                stop_converter()
