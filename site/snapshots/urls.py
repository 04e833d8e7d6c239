from django.urls import path

from snapshots import views

app_name = "snapshots"

urlpatterns = [
    path("manage/snapshots/", views.snapshot_list, name="snapshot_list"),
    path("manage/snapshots/<int:pk>.pdf", views.snapshot_pdf, name="snapshot_pdf"),
]
