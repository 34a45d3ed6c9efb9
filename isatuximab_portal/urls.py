from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from education import offline

from . import views

handler500 = "isatuximab_portal.views.server_error"

admin.site.site_header = "Isatuximab guide: content editing"
admin.site.site_title = "Isatuximab guide admin"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("admin/", admin.site.urls),
    # The offline web app lives at the site root so the service worker's scope is the whole
    # site, both languages.
    path("sw.js", offline.service_worker, name="service-worker"),
]
# The public site: English at the usual addresses, Spanish under /es/.
urlpatterns += i18n_patterns(
    # One manifest per language: /manifest.webmanifest, /es/manifest.webmanifest.
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    # The wallet card is its own app, at the address printed QR codes and cards point to.
    path("schedule/wallet-card/", include("card.urls")),
    path("schedule/", include("schedule.urls")),
    path("offline/", offline.offline, name="offline"),
    path("offline/tools/", offline.offline, {"tools": True}, name="offline-tools"),
    path("", include("education.urls")),
    prefix_default_language=False,
)
