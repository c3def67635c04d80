from django.urls import path, re_path

from phoihop.analytics import views

app_name = "analytics"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bang/", views.pivot, name="pivot"),
    re_path(r"^bang/xuat\.(?P<fmt>csv|xlsx)$", views.export, name="export"),
    path("yeu-thich/", views.favourite_add, name="favourite_add"),
    path("yeu-thich/<int:favourite_id>/xoa/", views.favourite_delete, name="favourite_delete"),
]
