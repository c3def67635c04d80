from django.urls import path

from phoihop.validation import views

app_name = "validation"
urlpatterns = [
    path("", views.index, name="index"),
    path("kiem-tra-lai-toan-bo/", views.rerun_all, name="rerun_all"),
    path("<int:unit_id>/<str:period>/", views.unit_period, name="unit_period"),
    path("<int:unit_id>/<str:period>/kiem-tra-lai/", views.rerun, name="rerun"),
    path("ket-qua/<int:pk>/giai-trinh/", views.explain, name="explain"),
    path("quy-tac/", views.rule_list, name="rule_list"),
    path("quy-tac/them/", views.rule_edit, name="rule_create"),
    path("quy-tac/<int:pk>/", views.rule_edit, name="rule_edit"),
]
