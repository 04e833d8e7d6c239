from django.urls import path

from certifications import views

app_name = "certifications"

urlpatterns = [
    path("my/certifications/", views.my_certifications, name="my_certifications"),
    path("my/certifications/<int:pk>/", views.record_detail, name="record"),
    path("my/certifications/<int:pk>/card/", views.card_file, name="card"),
    path("my/certifications/<int:pk>/card/preview/", views.card_preview, name="card_preview"),
    path("manage/certifications/", views.manage, name="manage"),
    path("manage/certifications/verify/", views.bulk_verify, name="bulk_verify"),
    path("manage/certifications/<int:pk>/decide/", views.decide, name="decide"),
    path("manage/certifications/<int:pk>/expiry/", views.override, name="override"),
    path(
        "manage/certifications/<int:pk>/expiry-request/",
        views.decide_expiry_request,
        name="expiry_request",
    ),
]
