from django.urls import path

from dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("manage/", views.manage, name="manage"),
    path("manage/compliance.csv", views.export_csv, name="export_csv"),
    path("manage/compliance.xlsx", views.export_xlsx, name="export_xlsx"),
    path("manage/staff/<int:pk>/", views.staff_record, name="staff_record"),
    path("manage/inspection/<slug:slug>.pdf", views.inspection_packet, name="inspection_packet"),
]
