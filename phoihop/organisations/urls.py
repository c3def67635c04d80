from django.urls import path

from phoihop.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list, name="organisation_list"),
    path("<int:pk>/", views.organisation_view, name="organisation_detail"),
]
