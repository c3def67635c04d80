"""phoihop synth: a national-scale synthetic dataset in the configured database."""

from __future__ import annotations

from decimal import Decimal

from django.core.management.base import BaseCommand

from phoihop.analytics.synth import generate
from phoihop.core.numbers import format_number


class Command(BaseCommand):
    help = "Sinh bộ số liệu giả quy mô toàn quốc để đo tốc độ phân tích (thay bộ cũ nếu có)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--provinces", type=int, default=34)
        parser.add_argument("--communes", type=int, default=3321)
        parser.add_argument("--periods", type=int, default=10)
        parser.add_argument("--indicators", type=int, default=60)
        parser.add_argument("--scale", type=float, default=1.0, help="ví dụ 0.01 cho bản nhỏ")
        parser.add_argument("--seed", type=int, default=2025)

    def handle(self, *args, **options) -> None:
        summary = generate(
            provinces=options["provinces"],
            communes=options["communes"],
            periods=options["periods"],
            indicators=options["indicators"],
            scale=options["scale"],
            seed=options["seed"],
            log=self.stdout.write,
        )
        self.stdout.write(
            f"Xong: {format_number(summary.values)} số liệu, "
            f"{format_number(summary.rollups)} dòng tổng hợp sẵn, "
            f"{format_number(Decimal(str(round(summary.seconds, 1))))} giây."
        )
