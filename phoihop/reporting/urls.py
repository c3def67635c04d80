from django.urls import path

from phoihop.reporting import (
    correction_views,
    entry_views,
    excel_views,
    notification_views,
    views,
    window_views,
)

app_name = "reporting"
urlpatterns = [
    path("", views.submission_index, name="submission_list"),
    path("<int:pk>/", views.submission_view, name="submission_detail"),
    path(
        "excel/to-chuc/<int:organisation_id>/<str:period>/",
        excel_views.download_organisation,
        name="excel_organisation",
    ),
    path(
        "excel/don-vi/<int:unit_id>/<slug:form_code>/<str:period>/",
        excel_views.download_unit,
        name="excel_unit",
    ),
    path(
        "excel/don-vi/<int:unit_id>/",
        excel_views.choose_unit_workbook,
        name="excel_unit_choose",
    ),
    path("excel/tai-len/", excel_views.upload, name="excel_upload"),
    path("excel/xac-nhan/<str:token>/", excel_views.confirm, name="excel_confirm"),
    path("bat-dau/", entry_views.start, name="start"),
    path("<int:pk>/nhap/", entry_views.entry, name="entry"),
    path("<int:pk>/nhap/kiem-tra/", entry_views.check_value, name="check_value"),
    path(
        "<int:pk>/nhap/ky-truoc/<slug:section>/",
        entry_views.previous_narrative,
        name="previous_narrative",
    ),
    path("<int:pk>/gui/", entry_views.submit, name="submit"),
    path("<int:pk>/tra-lai/", entry_views.return_view, name="return"),
    path("<int:pk>/duyet/", entry_views.accept_view, name="accept"),
    path("<int:pk>/mo-lai/", entry_views.reopen_view, name="reopen"),
    path("theo-doi/", entry_views.matrix, name="matrix"),
    path(
        "ket-qua-kiem-tra/<int:pk>/tra-lai/",
        correction_views.return_for_correction,
        name="return_for_correction",
    ),
    path("gia-han/", window_views.window_list, name="windows"),
    path("theo-doi/gia-han/", window_views.extend_window, name="extend_window"),
    path("gia-han/<int:pk>/thu-hoi/", window_views.revoke_window, name="revoke_window"),
    path("thong-bao/", notification_views.notification_list, name="notifications"),
    path("thong-bao/dem/", notification_views.notification_count, name="notification_count"),
    path(
        "thong-bao/<int:pk>/da-doc/",
        notification_views.notification_read,
        name="notification_read",
    ),
    path(
        "thong-bao/da-doc-tat-ca/",
        notification_views.notification_read_all,
        name="notification_read_all",
    ),
]
