from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EducationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "education"
    verbose_name = "Patient education content"

    def ready(self) -> None:
        from .cache import connect_signals
        from .governance.roles import roles_after_migrate

        connect_signals()
        # After auth's own post_migrate (which creates the permissions): education comes later
        # in INSTALLED_APPS, and this receiver is connected for this app's signal only.
        post_migrate.connect(roles_after_migrate, sender=self, dispatch_uid="education-roles")
