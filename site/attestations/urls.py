from django.urls import path

from attestations import views

app_name = "attestations"

urlpatterns = [
    path("my/attestations/", views.mine, name="mine"),
    path("my/attestations/<int:pk>/attest/", views.attest, name="attest"),
    path("my/attestations/yearly/<int:pk>/", views.attest_yearly, name="attest_yearly"),
    path("manage/attestations/", views.manage, name="manage"),
]
