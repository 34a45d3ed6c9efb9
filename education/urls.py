from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("learn/", views.placeholder, {"title": "Learn about isatuximab"}, name="learn"),
    path("checklist/", views.placeholder, {"title": "Do's and don'ts"}, name="checklist"),
    path("glossary/", views.placeholder, {"title": "Glossary"}, name="glossary"),
    path("get-help/", views.placeholder, {"title": "When to get help"}, name="get-help"),
]
