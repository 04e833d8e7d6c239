from django.urls import path

from clearances import views

app_name = "clearances"

urlpatterns = [
    path("my/clearances/", views.my_clearances_page, name="my_clearances"),
    path("manage/clearances/", views.board, name="board"),
    path("manage/gate/", views.gate, name="gate"),
    path("api/gate/", views.api_gate, name="api_gate"),
]
