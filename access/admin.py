"""Second-factor devices in the admin: who has enrolled and when a device was last used, never
the secret key, a QR code or recovery codes (django-otp's own admin pages show those, so they
are replaced here). A superuser may delete a device, which is the same as
``manage.py enrol_second_factor --reset``: the person enrols again at the next sign-in.
"""

from django.contrib import admin
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

SHOWN = ["user", "name", "confirmed", "created_at", "last_used_at"]


class DeviceAdmin(admin.ModelAdmin):
    list_display = SHOWN
    list_filter = ["confirmed"]
    search_fields = ["user__username"]
    fields = SHOWN
    readonly_fields = SHOWN

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_superuser


for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, DeviceAdmin)
