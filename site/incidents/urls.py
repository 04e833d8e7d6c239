from django.urls import path

from incidents import views

app_name = "incidents"

urlpatterns = [
    path("manage/incidents/", views.incident_list, name="list"),
    path("manage/incidents/new/", views.incident_new, name="new"),
    path("manage/incidents/<int:pk>/", views.incident_detail, name="detail"),
    path("manage/incidents/<int:pk>/edit/", views.incident_edit, name="edit"),
    path("manage/incidents/<int:pk>/close/", views.incident_close, name="close"),
]
