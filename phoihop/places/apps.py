from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "phoihop.places"
    label = "places"
