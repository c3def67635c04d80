"""URL configuration of phoihop."""

from django.contrib import admin
from django.urls import include, path

from phoihop.api.api import api
from phoihop.reporting import home_views

urlpatterns = [
    # No app name: settings.LOGIN_REDIRECT_URL names the home page plainly as "home".
    path("", home_views.home, name="home"),
    path("tai-khoan/api/", include("phoihop.api.urls")),
    path("tai-khoan/", include("phoihop.accounts.urls")),
    path("don-vi/", include("phoihop.places.urls")),
    path("to-chuc/", include("phoihop.organisations.urls")),
    path("chi-tieu/", include("phoihop.indicators.urls")),
    path("bao-cao/", include("phoihop.reporting.urls")),
    path("kiem-tra/", include("phoihop.validation.urls")),
    path("chuong-trinh/", include("phoihop.programmes.urls")),
    path("ban-chi-dao/", include("phoihop.committee.urls")),
    path("van-ban/", include("phoihop.documents.urls")),
    path("phan-tich/", include("phoihop.analytics.urls")),
    path("nhap-bao-cao-cu/", include("phoihop.imports.urls")),
    path("viec/", include("phoihop.jobs.urls")),
    path("quan-tri/", admin.site.urls),
    path("api/v1/", api.urls),
]
