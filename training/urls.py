from django.urls import path

from training import lesson_views, views

app_name = "training"

urlpatterns = [
    path("my/training/", views.my_training, name="my_training"),
    path("my/training/certificates/<int:pk>.pdf", views.certificate, name="certificate"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path(
        "my/training/modules/<int:module_id>/lessons/read/",
        lesson_views.mark_lesson_read,
        name="lesson_read",
    ),
]
