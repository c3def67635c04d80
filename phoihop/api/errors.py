"""Every refusal of the API as JSON with a Vietnamese message, and the statuses each operation
documents (so that no answer falls outside the schema)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from phoihop.core.periods import PeriodError
from phoihop.reporting import services
from phoihop.reporting.workflow import SubmitRefused


class BlockerOut(Schema):
    code: str
    message: str
    indicators: list[str]
    explainable: bool


class ChangeOut(Schema):
    label: str
    old: str
    new: str
    who: str
    when: str


class FieldErrorOut(Schema):
    where: str
    message: str


class ErrorOut(Schema):
    """A refusal: `detail` says why, in Vietnamese; the lists say where when there is more."""

    detail: str
    errors: list[FieldErrorOut] | None = None
    blockers: list[BlockerOut] | None = None
    changes: list[ChangeOut] | None = None


class BadRequest(Exception):
    """Input the API cannot act on: answered 400 with the message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


READ_ERRORS: dict[int, type[Schema]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ErrorOut,
}
WRITE_ERRORS: dict[int, type[Schema]] = {**READ_ERRORS, 409: ErrorOut}


def _answer(api: NinjaAPI, request: HttpRequest, status: int, detail: str, **extra: Any):
    body = {"detail": detail, **{k: v for k, v in extra.items() if v is not None}}
    return api.create_response(request, body, status=status)


def install(api: NinjaAPI) -> None:
    """Register the handlers: each refusal a service raises becomes its status and message.
    (`exc` is typed Any: ninja's stubs expect a handler of the exception or of its class.)"""

    def unauthorised(request: HttpRequest, exc: Any) -> HttpResponse:
        response = _answer(
            api,
            request,
            401,
            _(
                "Cần mã truy cập hợp lệ: gửi tiêu đề «Authorization: Bearer <mã>». "
                "Mã đã thu hồi không dùng được nữa; tạo mã mới ở trang Tài khoản."
            ),
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    def forbidden(request: HttpRequest, exc: Any) -> HttpResponse:
        return _answer(api, request, 403, _("Bạn không có quyền làm việc này."))

    def not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        return _answer(api, request, 404, _("Không tìm thấy, hoặc bạn không được xem."))

    def invalid(request: HttpRequest, exc: Any) -> HttpResponse:
        errors = [
            {
                "where": ".".join(str(part) for part in error.get("loc", ())),
                "message": str(error.get("msg", "")),
            }
            for error in exc.errors
        ]
        return _answer(
            api, request, 422, _("Dữ liệu gửi lên không hợp lệ; chưa thay đổi gì."), errors=errors
        )

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return _answer(api, request, exc.status_code, str(exc))

    def bad_request(request: HttpRequest, exc: Any) -> HttpResponse:
        return _answer(api, request, 400, exc.message)

    def bad_period(request: HttpRequest, exc: Any) -> HttpResponse:
        return _answer(api, request, 400, str(exc))

    def field_errors(request: HttpRequest, exc: Any) -> HttpResponse:
        errors = [{"where": code, "message": message} for code, message in exc.errors.items()]
        return _answer(api, request, 400, _("Có giá trị không hợp lệ; chưa lưu gì."), errors=errors)

    def conflict(request: HttpRequest, exc: Any) -> HttpResponse:
        changes = [vars(change) for change in exc.changes]
        return _answer(api, request, 409, exc.message, changes=changes)

    def refused(request: HttpRequest, exc: Any) -> HttpResponse:
        blockers = [
            {
                "code": b.code,
                "message": b.message,
                "indicators": list(b.indicators),
                "explainable": b.explainable,
            }
            for b in exc.blockers
        ]
        return _answer(api, request, 409, exc.message, blockers=blockers)

    def workflow(request: HttpRequest, exc: Any) -> HttpResponse:
        return _answer(api, request, 409, exc.message)

    api.add_exception_handler(AuthenticationError, unauthorised)
    api.add_exception_handler(PermissionDenied, forbidden)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(BadRequest, bad_request)
    api.add_exception_handler(PeriodError, bad_period)
    api.add_exception_handler(services.FieldErrors, field_errors)
    api.add_exception_handler(services.EditConflict, conflict)
    api.add_exception_handler(SubmitRefused, refused)
    api.add_exception_handler(services.WorkflowError, workflow)
