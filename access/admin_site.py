"""The admin site: Django's, with the second factor as part of "may this person use it".

The gate middleware (gate.py) sends an unverified staff member to the code or enrolment page
before any admin view runs; this check is the second lock, so an admin view never serves a
session that only knows the password, whatever the middleware order.
"""

from django.contrib.admin import AdminSite
from django.http import HttpRequest
from django.urls import path

from isatuximab_portal.lib.staff import is_verified

from . import views


class VerifiedAdminSite(AdminSite):
    site_header = "Isatuximab guide: content editing"
    site_title = "Isatuximab guide admin"

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and is_verified(request.user)

    def get_urls(self):
        return [
            path("second-factor/enrol/", views.enrol, name="second-factor-enrol"),
            path("second-factor/verify/", views.verify, name="second-factor-verify"),
            *super().get_urls(),
        ]
