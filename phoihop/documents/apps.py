from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "phoihop.documents"
    label = "documents"
