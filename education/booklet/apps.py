from django.apps import AppConfig


class BookletConfig(AppConfig):
    """The printed booklet as its own app, so its stored builds have their own table."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "education.booklet"
    label = "booklet"
    verbose_name = "Printed booklet"
