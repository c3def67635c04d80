from django.urls import path

from phoihop.places import views

app_name = "places"
urlpatterns = [
    path("", views.unit_list, name="unit_list"),
    path("<int:pk>/", views.unit_view, name="unit_detail"),
]
