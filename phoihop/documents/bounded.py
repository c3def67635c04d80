"""Template rendering with a time and a memory limit, in a child process.

An uploaded template is a small program (loops, string joins) that runs at every generation:
the sandbox stops it from reaching anything, these limits stop it from exhausting the machine.
On Linux the child is forked (no re-import, a few milliseconds) and its address space is capped
with RLIMIT_AS; where fork or resource does not exist (Windows), only the time limit applies.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import pickle
import signal
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings

from phoihop.documents.rendering import TemplateError, TemplateProblem, check_template, render_docx

T = TypeVar("T")

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]


class TemplateLimitExceeded(TemplateError):
    """The template needed more time or memory than a report may take."""


def time_limit() -> float:
    """Processor seconds a generation may take (real data can be larger than the sample)."""
    return float(getattr(settings, "PHOIHOP_TEMPLATE_SECONDS", 30))


def check_time_limit() -> float:
    """Seconds an upload's check on the sample data may take (the default template needs about
    half a second of processor time)."""
    return float(getattr(settings, "PHOIHOP_TEMPLATE_CHECK_SECONDS", 3))


def memory_limit_mb() -> int:
    return int(getattr(settings, "PHOIHOP_TEMPLATE_MEGABYTES", 300))


def _time_message(seconds: float) -> str:
    return (
        f"Mẫu báo cáo chạy quá {seconds:g} giây xử lý mà chưa xong: có thể mẫu có vòng lặp lồng nhau "
        "quá lớn. Hãy bỏ bớt các vòng lặp lồng nhau rồi tải lên lại."
    )


def _memory_message(megabytes: int) -> str:
    return (
        f"Mẫu báo cáo cần quá {megabytes} MB bộ nhớ: có thể mẫu ghép chuỗi hoặc lặp tạo ra văn "
        "bản quá dài. Hãy bỏ các phép ghép chuỗi lặp lại rồi tải lên lại."
    )


def _address_space(field: str = "VmSize") -> int:
    """This process's current (VmSize) or peak (VmPeak) virtual size in bytes (Linux), 0 when
    unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _child(
    connection: Any, func: Callable[..., Any], args: tuple, seconds: float, megabytes: int
) -> None:
    try:
        current, limit = _address_space(), 0
        if resource is not None and current:
            limit = current + megabytes * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        if resource is not None:
            # Processor time, not the clock: a busy server does not refuse a sound template.
            # SIGXCPU at the soft limit ends the child (its default action), SIGKILL at the hard.
            cpu = max(1, math.ceil(seconds))
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        try:
            outcome: tuple[bool, Any] = (True, func(*args))
        except MemoryError:
            outcome = (False, TemplateLimitExceeded(_memory_message(megabytes)))
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
            outcome = (False, exc)
        # Running out shows in many guises (lxml's "Memory allocation failed", a broken
        # document, a problem found by the check): whatever came back, a child that reached
        # the limit ran out of memory.
        if limit and _address_space("VmPeak") > limit - (limit - current) // 10:
            outcome = (False, TemplateLimitExceeded(_memory_message(megabytes)))
        try:
            payload = pickle.dumps(outcome)
        except Exception:  # noqa: BLE001 - an exception that cannot travel becomes a message
            payload = pickle.dumps((False, TemplateError(str(outcome[1]))))
        connection.send_bytes(payload)
    except MemoryError:
        try:
            connection.send_bytes(
                pickle.dumps((False, TemplateLimitExceeded(_memory_message(megabytes))))
            )
        except BaseException:  # noqa: BLE001, S110 - the parent reports the missing answer
            pass
    finally:
        connection.close()
        # The fork shares the parent's open files and database connections: leave without
        # running the parent's exit handlers.
        os._exit(0)


def run_bounded(
    func: Callable[..., T],
    *args: Any,
    seconds: float | None = None,
    megabytes: int | None = None,
) -> T:
    """`func(*args)` in a child process; TemplateLimitExceeded past the limits.

    `seconds` is processor time where the system can count it (RLIMIT_CPU); the clock is a
    backstop at a few times that, for a child that waits instead of computing (and the only
    limit where `resource` does not exist)."""
    seconds = time_limit() if seconds is None else seconds
    megabytes = memory_limit_mb() if megabytes is None else megabytes
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context: Any = multiprocessing.get_context(method)
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(sender, func, args, seconds, megabytes), daemon=True
    )
    process.start()
    sender.close()
    wall = seconds if resource is None else 4 * seconds + 10
    try:
        if not receiver.poll(wall):
            process.kill()
            raise TemplateLimitExceeded(_time_message(seconds))
        try:
            ok, value = pickle.loads(receiver.recv_bytes())
        except EOFError:
            # The child died without answering: out of processor time, or of memory.
            process.join(5)
            if process.exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
                raise TemplateLimitExceeded(_time_message(seconds)) from None
            raise TemplateLimitExceeded(_memory_message(megabytes)) from None
    finally:
        receiver.close()
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join()
    if ok:
        return value  # type: ignore[no-any-return]
    raise value


def render_docx_bounded(template: bytes, context: dict[str, Any]) -> bytes:
    """render_docx within the limits."""
    return run_bounded(render_docx, template, context)


def check_template_bounded(template: bytes, *, sample: dict[str, Any]) -> list[TemplateProblem]:
    """check_template within the limits; a template past them gets one problem saying so."""
    try:
        return run_bounded(_check, template, sample, seconds=check_time_limit())
    except TemplateLimitExceeded as exc:
        return [TemplateProblem(message=str(exc))]


def _check(template: bytes, sample: dict[str, Any]) -> list[TemplateProblem]:
    return check_template(template, sample=sample)
