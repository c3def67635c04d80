"""phoihop export: a pivot view to CSV or Excel, as the named user is allowed to see it."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from phoihop.accounts.models import User
from phoihop.analytics import services
from phoihop.analytics.pivot import run_pivot
from phoihop.analytics.pivot_query import BY_CHILDREN, BY_COMMUNES, BY_SELF, parse_pivot_params

BY_WORDS = {
    "children": BY_CHILDREN,
    "communes": BY_COMMUNES,
    "self": BY_SELF,
    BY_CHILDREN: BY_CHILDREN,
    BY_COMMUNES: BY_COMMUNES,
    BY_SELF: BY_SELF,
}


class Command(BaseCommand):
    help = "Xuất một bảng tổng hợp ra CSV hoặc Excel, trong phạm vi quyền của người dùng."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--user", required=True, help="tên đăng nhập")
        parser.add_argument("--indicators", default="", help="mã chỉ tiêu, cách nhau bởi dấu phẩy")
        parser.add_argument("--unit", default="", help="mã đơn vị hành chính")
        parser.add_argument(
            "--by",
            default="",
            help="children (theo đơn vị trực thuộc) | communes (mọi xã bên dưới) | self",
        )
        parser.add_argument("--periods", default="", help="ví dụ 2019S1..2020S2 hoặc 2019,2020")
        parser.add_argument("--kinds", default="", help="mã loại tổ chức, cách nhau bởi dấu phẩy")
        parser.add_argument("--rows", default="", help="don_vi | to_chuc | ky")
        parser.add_argument("--successors", action="store_true", help="số liệu cũ theo đơn vị mới")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("--out", required=True, help="tệp kết quả")

    def handle(self, *args, **options) -> None:
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"Không có người dùng «{options['user']}».")
        if options["by"] and options["by"] not in BY_WORDS:
            raise CommandError("--by phải là children, communes hoặc self.")
        params = QueryDict(mutable=True)
        for name, key in (
            ("chi_tieu", "indicators"),
            ("don_vi", "unit"),
            ("ky", "periods"),
            ("loai", "kinds"),
            ("hang", "rows"),
        ):
            if options[key]:
                params[name] = options[key]
        if options["by"]:
            params["theo"] = BY_WORDS[options["by"]]
        if options["successors"]:
            params["gop_moi"] = "1"
        query = parse_pivot_params(params, user=user)
        for error in query.errors:
            self.stderr.write(error)
        result = run_pivot(query, user=user)
        data = (services.export_xlsx if options["format"] == "xlsx" else services.export_csv)(
            result
        )
        Path(options["out"]).write_bytes(data)
        self.stdout.write(f"Đã ghi {len(result.rows)} dòng vào {options['out']}.")
