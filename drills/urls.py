from django.urls import path

from drills import views

app_name = "drills"

urlpatterns = [
    path("my/drills/", views.my_drills, name="my_drills"),
    path("manage/drills/sessions/", views.session_list, name="session_list"),
    path("manage/drills/sessions/new/", views.session_new, name="session_new"),
    path("manage/drills/sessions/<int:pk>/", views.session_detail, name="session_detail"),
]
