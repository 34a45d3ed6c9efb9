"""Second-factor devices in the admin: who has enrolled and when a device was last used, never
the secret key, a QR code or recovery codes (django-otp's own admin pages show those, so they
are replaced here). A superuser may delete a device, which is the same as
``manage.py enrol_second_factor --reset``: the person enrols again at the next sign-in. Deleted
in the admin by someone else, a clinical reviewer's role also waits for a second reviewer to
confirm it again (``education.governance.grants``).
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

    def delete_model(self, request: HttpRequest, obj) -> None:
        super().delete_model(request, obj)
        _after_reset(request, [obj.user])

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        users = list({device.user for device in queryset.select_related("user")})
        super().delete_queryset(request, queryset)
        _after_reset(request, users)


def _after_reset(request: HttpRequest, users) -> None:
    """Whoever deletes someone's second factor could enrol their own in its place: a clinical
    reviewer's role then waits for a second reviewer to confirm it is still them."""
    from education.governance import grants

    for user in users:
        grants.suspend_after_takeover(
            user, request.user, "second factor deleted by another account"
        )


for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, DeviceAdmin)
