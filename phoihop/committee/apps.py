from django.apps import AppConfig


class CommitteeConfig(AppConfig):
    name = "phoihop.committee"
    label = "committee"
    verbose_name = "Ban chỉ đạo"
