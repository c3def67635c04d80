from django.urls import path

from phoihop.jobs import views

app_name = "jobs"
urlpatterns = [
    path("<int:pk>/", views.status, name="status"),
    path("<int:pk>/tai-ve/", views.download, name="download"),
    path("<int:pk>/trang-<int:number>.png", views.page, name="page"),
]
