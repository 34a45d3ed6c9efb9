from django.urls import path

from education.views import placeholder

urlpatterns = [
    path("", placeholder, {"title": "Treatment calendar"}, name="schedule"),
]
