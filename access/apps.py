from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccessConfig(AppConfig):
    """Who may reach the admin: a second factor for staff, lockout behind a proxy, backups."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "access"
    default = True
    verbose_name = "Staff access"


class PortalAdminConfig(admin_apps.AdminConfig):
    """The Django admin, on a site that lets staff in only after their second factor."""

    default = False  # "access" itself is AccessConfig
    default_site = "access.admin_site.VerifiedAdminSite"
