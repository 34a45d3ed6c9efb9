from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "Isatuximab guide: content editing"
admin.site.site_title = "Isatuximab guide admin"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("admin/", admin.site.urls),
    path("schedule/", include("schedule.urls")),
    path("", include("education.urls")),
]
