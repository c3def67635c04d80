from django.urls import path

from phoihop.documents import inspection_views, views

app_name = "documents"
urlpatterns = [
    path("", views.index, name="index"),
    path("mau-mac-dinh.docx", views.default_template, name="default_template"),
    path("truong-du-lieu/", views.placeholders, name="placeholders"),
    path("ke-hoach-kiem-tra/<int:pk>.docx", inspection_views.plan, name="inspection_plan"),
    path("bien-ban-kiem-tra/<int:pk>.docx", inspection_views.minutes, name="inspection_minutes"),
    path("bao-cao-thanh-vien.docx", inspection_views.member_report, name="member_report"),
    path("<int:unit_id>/mau/", views.templates, name="templates"),
    path("<int:unit_id>/mau/chon/", views.use_template, name="use_template"),
    path("<int:unit_id>/mau/<int:pk>.docx", views.template_file, name="template_file"),
    path("<int:unit_id>/<str:period>/", views.report, name="report"),
    path("<int:unit_id>/<str:period>/van-ban/", views.report_text, name="text"),
    path("<int:unit_id>/<str:period>/bao-cao.docx", views.download_docx, name="docx"),
    path("<int:unit_id>/<str:period>/pdf/", views.start_pdf, name="pdf"),
    path("<int:unit_id>/<str:period>/xem-truoc/", views.preview, name="preview"),
    path("<int:unit_id>/<str:period>/cac-don-vi/", views.start_zip, name="zip"),
]
