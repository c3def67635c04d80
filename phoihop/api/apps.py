from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "phoihop.api"
    label = "api"
