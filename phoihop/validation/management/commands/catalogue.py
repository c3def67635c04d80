"""`phoihop catalogue export FILE` / `phoihop catalogue load FILE`: the catalogue as a file."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from phoihop.jobs.models import JobState
from phoihop.validation.catalogue import CatalogueError, export_catalogue_file
from phoihop.validation.services import load_catalogue

KIND_LABELS = {
    "indicators": "chỉ tiêu",
    "forms": "biểu mẫu",
    "sections": "phần",
    "products": "kiểm tra số lượng × đơn giá",
    "level_reconciliations": "đối chiếu giữa các cấp",
    "joint_figures": "số liệu phối hợp",
    "rules": "quy tắc",
}


class Command(BaseCommand):
    help = _(
        "Xuất hoặc nạp danh mục chỉ tiêu, biểu mẫu và quy tắc kiểm tra (tệp .yaml, .yml, .xlsx)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help=_("ghi danh mục ra tệp"))
        export.add_argument("file", help=_("tệp .yaml, .yml hoặc .xlsx"))
        load = actions.add_parser("load", help=_("nạp danh mục từ tệp (cả tệp hoặc không gì)"))
        load.add_argument("file", help=_("tệp .yaml, .yml hoặc .xlsx"))

    def handle(self, *args, action: str, file: str, **options) -> None:
        try:
            if action == "export":
                written = export_catalogue_file(file)
                self.stdout.write(_("Đã ghi danh mục ra %(file)s.") % {"file": written})
                return
            summary, job = load_catalogue(file)
        except CatalogueError as exc:
            raise CommandError(
                _("Không nạp được danh mục, chưa thay đổi gì:\n%(errors)s") % {"errors": exc}
                if action == "load"
                else str(exc)
            ) from exc
        if not summary.changed:
            self.stdout.write(_("Danh mục đã đúng như tệp, không thay đổi gì."))
            return
        for kind, label in KIND_LABELS.items():
            created, updated = summary.created[kind], summary.updated[kind]
            if created or updated:
                self.stdout.write(
                    _("%(label)s: thêm %(created)d, cập nhật %(updated)d.")
                    % {"label": label.capitalize(), "created": created, "updated": updated}
                )
        if job is not None and job.state != JobState.DONE:
            self.stdout.write(
                _(
                    "Các kết quả kiểm tra đã có sẽ được tính lại theo danh mục mới khi "
                    "«phoihop db_worker» chạy (việc số %(id)d)."
                )
                % {"id": job.pk}
            )
