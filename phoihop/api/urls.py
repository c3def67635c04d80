from django.urls import path

from phoihop.api import views

app_name = "api"
urlpatterns = [
    path("", views.token_list, name="tokens"),
    path("tao/", views.token_create, name="token_create"),
    path("<int:pk>/thu-hoi/", views.token_revoke, name="token_revoke"),
]
