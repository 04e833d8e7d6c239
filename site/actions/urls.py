from django.urls import path

from actions import views

app_name = "actions"

urlpatterns = [
    path("manage/staff/<int:pk>/exempt/", views.exempt, name="exempt"),
    path("manage/staff/<int:pk>/nudge/", views.nudge, name="nudge"),
    path("manage/staff/<int:pk>/assign/", views.assign, name="assign"),
    path("manage/assign/", views.assign_role, name="assign_role"),
    path("manage/staff/<int:pk>/record-card/", views.record_card, name="record_card"),
    path("manage/exemptions/<int:pk>/revoke/", views.revoke_exemption, name="revoke_exemption"),
]
