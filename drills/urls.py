app_name = "drills"

urlpatterns: list = []
