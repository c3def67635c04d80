"""`phoihop serve`: the production server (waitress), with the task worker when there is one.

waitress is pure Python: the same command serves a district from a Windows office PC and a
province from a Linux server behind nginx (gunicorn would need a Unix). Static files come from
whitenoise (compressed, with hashed names cached for a year), so no other server is needed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.core.servers.basehttp import get_internal_wsgi_application


class Command(BaseCommand):
    help = "Chạy ứng dụng bằng máy chủ waitress (dùng thật), kèm tiến trình xử lý tác vụ nền."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("PHOIHOP_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PHOIHOP_PORT", "8000")))
        parser.add_argument(
            "--threads", type=int, default=int(os.environ.get("PHOIHOP_THREADS", "8"))
        )
        parser.add_argument(
            "--no-worker", action="store_true", help="Không chạy tiến trình xử lý tác vụ nền."
        )
        parser.add_argument(
            "--trusted-proxy",
            default=os.environ.get("PHOIHOP_TRUSTED_PROXY", ""),
            help="Địa chỉ của nginx phía trước (vd. 127.0.0.1): tin các tiêu đề X-Forwarded-* của nó.",
        )

    def handle(
        self,
        *args: Any,
        host: str,
        port: int,
        threads: int,
        no_worker: bool,
        trusted_proxy: str,
        **options: Any,
    ) -> None:
        from waitress.server import create_server

        if settings.DEBUG:
            self.stderr.write("PHOIHOP_DEBUG đang bật: không dùng chế độ này khi chạy thật.")
        # Hashed, compressed copies of the static files for whitenoise, quietly, every start.
        call_command("collectstatic", interactive=False, verbosity=0)
        proxy: dict[str, Any] = {}
        if trusted_proxy:
            # The client's address (for sign-in throttling) and scheme come from nginx's headers.
            proxy = {
                "trusted_proxy": trusted_proxy,
                "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
            }
        server = create_server(
            get_internal_wsgi_application(),
            host=host,
            port=port,
            threads=threads,
            ident="phoihop",
            **proxy,
        )
        worker = None if no_worker else self._start_worker()
        # systemd and Windows' service managers stop a program with SIGTERM: end as on Ctrl+C.
        signal.signal(signal.SIGTERM, _interrupt)
        self.stdout.write(f"phoihop đang chạy tại http://{host}:{port}/ (Ctrl+C để dừng).")
        self.stdout.flush()
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        finally:
            server.close()
            if worker is not None:
                _stop(worker)
            self.stdout.write("Đã dừng phoihop.")

    def _start_worker(self) -> subprocess.Popen[bytes] | None:
        """`phoihop db_worker`, the worker of the database task queue, if the queue is used."""
        if not apps.is_installed("django_tasks"):
            return None
        # `python -m django` with this process's settings module and path.
        command = [sys.executable, "-m", "django", "db_worker"]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"]}
        self.stdout.write("Đã chạy tiến trình xử lý tác vụ nền (db_worker).")
        return subprocess.Popen(command, env=env)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _stop(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is not None:
        return
    worker.terminate()
    try:
        worker.wait(timeout=15)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
