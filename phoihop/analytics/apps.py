from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "phoihop.analytics"
    label = "analytics"

    def ready(self) -> None:
        from phoihop.analytics import signals  # noqa: F401 - connects the rollup receivers
