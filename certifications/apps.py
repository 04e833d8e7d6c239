from django.apps import AppConfig


class CertificationsConfig(AppConfig):
    name = "certifications"
    verbose_name = "Certifications"
    default_auto_field = "django.db.models.BigAutoField"
