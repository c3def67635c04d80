from django.urls import path, register_converter

from phoihop.core.params import YearConverter
from phoihop.programmes import activity_views, direction_views, views

register_converter(YearConverter, "year")

app_name = "programmes"

urlpatterns = [
    path("", views.index, name="index"),
    path("to-chuc/<int:organisation_id>/<year:year>/", views.programme, name="programme"),
    path(
        "to-chuc/<int:organisation_id>/<year:year>/noi-dung/",
        views.add_content,
        name="add_content",
    ),
    path(
        "to-chuc/<int:organisation_id>/<year:year>/phien-ban/<int:number>/",
        views.version,
        name="version",
    ),
    path("excel/<int:unit_id>/<year:year>/", views.download, name="download"),
    path("tai-len/", views.upload, name="upload"),
    path("chi-tieu-nhap/<int:submission_id>/", views.entry_targets, name="entry_targets"),
    path("hoat-dong/moi/", activity_views.activity_new, name="activity_new"),
    path("hoat-dong/<int:activity_id>/", activity_views.activity, name="activity"),
    path(
        "hoat-dong/<int:activity_id>/minh-chung/",
        activity_views.evidence_upload,
        name="evidence_upload",
    ),
    path("minh-chung/<int:evidence_id>/", activity_views.evidence_download, name="evidence"),
    path("ke-hoach/<int:unit_id>/<str:period>/", activity_views.plan, name="plan"),
    path("ke-hoach/<int:unit_id>/<str:period>/lap/", activity_views.plan_start, name="plan_start"),
    path("ke-hoach/<int:unit_id>/<str:period>/them/", activity_views.plan_add, name="plan_add"),
    path("ke-hoach/viec/<int:planned_id>/ket-qua/", activity_views.plan_close, name="plan_close"),
    path(
        "ke-hoach/<int:unit_id>/<str:period>/nhiem-vu/",
        direction_views.directions_create,
        name="directions_create",
    ),
    path(
        "nhiem-vu/<int:direction_id>/",
        direction_views.direction_update,
        name="direction_update",
    ),
]
