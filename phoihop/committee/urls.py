from django.urls import path

from phoihop.committee import inspection_views, views

app_name = "committee"
urlpatterns = [
    path("", views.index, name="index"),
    path("cua-toi/", views.member, name="member"),
    path("ban/<int:unit_id>/", views.board, name="board"),
    path("ban/<int:unit_id>/thanh-vien/", views.add_member, name="add_member"),
    path("ban/<int:unit_id>/van-ban/", views.upload_document, name="upload_document"),
    path("thanh-vien/<int:pk>/phan-cong/", views.assign, name="assign"),
    path("van-ban/<int:pk>/tep/", views.document_file, name="document_file"),
    path("xep-hang/<int:unit_id>/", views.ranking, name="ranking"),
    path("xep-hang/<int:unit_id>/trong-so/", views.save_weights, name="save_weights"),
    path("ke-hoach/don-vi/<int:unit_id>/", inspection_views.plans, name="plans"),
    path("ke-hoach/don-vi/<int:unit_id>/lap/", inspection_views.create_plan, name="create_plan"),
    path("ke-hoach/<int:pk>/", inspection_views.plan, name="plan"),
    path("ke-hoach/<int:pk>/sua/", inspection_views.edit_plan, name="edit_plan"),
    path("ke-hoach/<int:pk>/doan/", inspection_views.set_team, name="set_team"),
    path("ke-hoach/<int:pk>/them-xa/", inspection_views.add_commune, name="add_commune"),
    path("ke-hoach/<int:pk>/gui/", inspection_views.send_plan, name="send_plan"),
    path("kiem-tra/<int:pk>/", inspection_views.inspection, name="inspection"),
    path("kiem-tra/<int:pk>/bo/", inspection_views.remove_commune, name="remove_commune"),
    path("kiem-tra/<int:pk>/ghi/", inspection_views.record, name="record"),
    path("kiem-tra/<int:pk>/kien-nghi/", inspection_views.add_recommendation, name="recommend"),
    path("kien-nghi/<int:pk>/tra-loi/", inspection_views.answer, name="answer"),
    path("kien-nghi/<int:pk>/hoan-thanh/", inspection_views.close, name="close"),
]
