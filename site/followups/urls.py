from django.urls import path

from followups import views

app_name = "followups"

urlpatterns = [
    path("my/follow-ups/", views.mine, name="mine"),
    path("my/follow-ups/<int:pk>/done/", views.done, name="done"),
    path("manage/follow-ups/", views.manage, name="manage"),
    path("manage/follow-ups/<int:pk>/close/", views.close, name="close"),
    path(
        "manage/incidents/<int:pk>/follow-ups/new/",
        views.new_from_incident,
        name="new_from_incident",
    ),
    path(
        "manage/drills/sessions/<int:pk>/follow-ups/new/",
        views.new_from_session,
        name="new_from_session",
    ),
]
