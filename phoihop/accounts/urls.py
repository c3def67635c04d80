from django.contrib.auth import views as auth_views
from django.urls import path

from phoihop.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.account_settings, name="settings"),
    path("dang-nhap/", views.SignIn.as_view(), name="login"),
    # Django's LogoutView accepts POST only, so a link or a prefetch cannot sign anyone out.
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.PasswordChange.as_view(), name="password_change"),
    path("quen-mat-khau/", views.PasswordReset.as_view(), name="password_reset"),
    path("quen-mat-khau/da-gui/", views.PasswordResetDone.as_view(), name="password_reset_done"),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        views.PasswordResetConfirm.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        views.PasswordResetComplete.as_view(),
        name="password_reset_complete",
    ),
    path("bi-khoa/", views.sign_in_locks, name="sign_in_locks"),
]
