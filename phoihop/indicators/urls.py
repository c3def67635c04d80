from django.urls import path

from phoihop.indicators import views

app_name = "indicators"
# Forms first: "bieu-mau" is itself a valid slug and would otherwise be read as an indicator.
urlpatterns = [
    path("", views.indicator_index, name="indicator_list"),
    path("bieu-mau/", views.form_index, name="form_list"),
    path("bieu-mau/<slug:code>/", views.form_view, name="form_detail"),
    path("<slug:code>/", views.indicator_view, name="indicator_detail"),
]
