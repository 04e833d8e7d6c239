from django.urls import path

from kits import views

app_name = "kits"

urlpatterns = [
    path("kits/", views.my_kits, name="my_kits"),
    path("kits/<int:pk>/check/", views.check, name="check"),
    path("manage/kits/", views.manage, name="manage"),
    path("manage/kits/new/", views.kit_new, name="kit_new"),
    path("manage/kits/<int:pk>/", views.kit_detail, name="kit_detail"),
    path("manage/kits/<int:pk>/items/new/", views.item_new, name="item_new"),
    path("manage/kits/items/<int:pk>/replace/", views.item_replace, name="item_replace"),
]
