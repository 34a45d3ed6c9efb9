from django.apps import AppConfig


class EducationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "education"
    verbose_name = "Patient education content"

    def ready(self) -> None:
        from .cache import connect_signals

        connect_signals()
