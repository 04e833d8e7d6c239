from django.urls import path

from audits import views

app_name = "audits"

urlpatterns = [
    path("manage/audits/", views.round_list, name="round_list"),
    path("manage/audits/new/", views.round_new, name="round_new"),
    path("manage/audits/scores/", views.trend, name="trend"),
    path("manage/audits/<int:pk>/", views.round_detail, name="round_detail"),
    path("manage/audits/<int:pk>/records/new/", views.record_new, name="record_new"),
    path("manage/audits/<int:pk>/complete/", views.round_complete, name="round_complete"),
    path("manage/audits/<int:pk>/items/<int:item_pk>/retrain/", views.retrain, name="retrain"),
]
