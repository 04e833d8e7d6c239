from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("mfa/", views.mfa_settings, name="mfa_settings"),
    path("mfa/verify/", views.verify, name="mfa_verify"),
    path("mfa/setup/", views.setup, name="mfa_setup"),
    path("mfa/recovery-codes/", views.renew_recovery_codes, name="mfa_recovery_codes"),
    path("mfa/turn-off/", views.turn_off, name="mfa_turn_off"),
]
