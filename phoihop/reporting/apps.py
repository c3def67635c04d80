from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "phoihop.reporting"
    label = "reporting"
