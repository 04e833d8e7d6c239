from django.urls import path

from training import views

app_name = "training"

urlpatterns = [
    path("my/training/", views.my_training, name="my_training"),
    path("my/training/certificates/<int:pk>.pdf", views.certificate, name="certificate"),
    path("verify/<str:code>/", views.verify, name="verify"),
]
