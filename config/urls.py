"""URL configuration of phoihop."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("phoihop.core.urls")),
    path("tai-khoan/", include("phoihop.accounts.urls")),
    path("don-vi/", include("phoihop.places.urls")),
    path("to-chuc/", include("phoihop.organisations.urls")),
    path("chi-tieu/", include("phoihop.indicators.urls")),
    path("bao-cao/", include("phoihop.reporting.urls")),
    path("kiem-tra/", include("phoihop.validation.urls")),
    path("van-ban/", include("phoihop.documents.urls")),
    path("phan-tich/", include("phoihop.analytics.urls")),
    path("nhap-bao-cao-cu/", include("phoihop.imports.urls")),
    path("quan-tri/", admin.site.urls),
]
