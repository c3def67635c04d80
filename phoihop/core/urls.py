from django.urls import path

from phoihop.core import views

# No app_name: settings.LOGIN_REDIRECT_URL names the home page plainly as "home".
urlpatterns = [
    path("", views.home, name="home"),
]
