from django.contrib.auth import views as auth_views
from django.urls import path

from phoihop.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.account_settings, name="settings"),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    # Django's LogoutView accepts POST only, so a link or a prefetch cannot sign anyone out.
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
]
