from django.urls import path

from reminders import views

app_name = "reminders"

urlpatterns = [
    path("my/calendar/", views.calendar_page, name="calendar"),
    path("my/calendar.ics", views.calendar_feed, name="calendar_feed"),
]
