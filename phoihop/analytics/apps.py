from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "phoihop.analytics"
    label = "analytics"
