"""`phoihop api token --user U [--name N]`: a new API access token for a person, printed once."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from phoihop.accounts.models import User
from phoihop.api import services


class Command(BaseCommand):
    help = "Mã truy cập API: tạo mã mới cho một người dùng (token)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        token = actions.add_parser("token", help="Tạo và in ra một mã truy cập mới.")
        token.add_argument("--user", required=True, help="Tên đăng nhập.")
        token.add_argument("--name", default="", help="Tên gợi nhớ của mã (dùng cho việc gì).")

    def handle(self, *args, **options) -> None:
        user = User.objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"Không có người dùng «{options['user']}».")
        if not user.is_active:
            raise CommandError(f"Tài khoản «{user.username}» đã bị khoá.")
        _token, raw = services.create_token(user=user, name=options["name"] or "dòng lệnh")
        # Only the token on stdout, so that a script can read it: TOKEN=$(phoihop api token …).
        self.stdout.write(raw)
