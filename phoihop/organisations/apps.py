from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "phoihop.organisations"
    label = "organisations"
