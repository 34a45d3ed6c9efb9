from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "Isatuximab guide: content editing"
admin.site.site_title = "Isatuximab guide admin"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("admin/", admin.site.urls),
]
# The public site: English at the usual addresses, Spanish under /es/.
urlpatterns += i18n_patterns(
    path("schedule/", include("schedule.urls")),
    path("", include("education.urls")),
    prefix_default_language=False,
)
