"""The JSON API at /api/v1/: django-ninja, its OpenAPI schema and its documentation page."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger
from ninja.renderers import JSONRenderer

from phoihop.api import errors
from phoihop.api.auth import BearerToken
from phoihop.api.routes import analytics, catalogue, submissions

DESCRIPTION = """API JSON của phoihop: đơn vị, tổ chức, chỉ tiêu, kỳ báo cáo; báo cáo (xem, nhập
số liệu vào bản đang soạn, gửi, duyệt, trả lại, mở lại); mức độ đầy đủ; bảng phân tích; kết quả
kiểm tra số liệu.

Mỗi yêu cầu gửi kèm tiêu đề `Authorization: Bearer <mã>`; tạo mã ở trang Tài khoản → API, hoặc
bằng lệnh `phoihop api token --user <tên đăng nhập>`. Quyền xem và quyền sửa giống hệt trên
trang web. Số liệu là chuỗi số thập phân chính xác ("7286", "12.5")."""


class Renderer(JSONRenderer):
    # Vietnamese as it is written, not as \u escapes.
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="phoihop API",
    version="1",
    description=DESCRIPTION,
    auth=BearerToken(),
    renderer=Renderer(),
    urls_namespace="api_v1",
    # The Swagger UI ninja ships (static files, no CDN, no inline script): offices offline.
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)
api.add_router("", catalogue.router)
api.add_router("", submissions.router)
api.add_router("", analytics.router)
