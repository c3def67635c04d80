from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "phoihop.analytics"
    label = "analytics"

    def ready(self) -> None:
        # Django's way: receivers connect once the app registry is ready, not at import.
        from phoihop.analytics import signals  # noqa: F401 - connects the rollup receivers
