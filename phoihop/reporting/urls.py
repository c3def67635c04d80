from django.urls import path

from phoihop.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.submission_index, name="submission_list"),
    path("<int:pk>/", views.submission_view, name="submission_detail"),
]
