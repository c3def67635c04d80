from django.apps import AppConfig


class ValidationConfig(AppConfig):
    name = "phoihop.validation"
    label = "validation"
