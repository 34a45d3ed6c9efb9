from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("learn/", views.placeholder, {"title": "Learn about isatuximab"}, name="learn"),
    path("checklist/", views.placeholder, {"title": "Do's and don'ts"}, name="checklist"),
    path("glossary/", views.placeholder, {"title": "Glossary"}, name="glossary"),
    path("search/", views.placeholder, {"title": "Search"}, name="search"),
    path(
        "for-blood-banks/",
        views.placeholder,
        {"title": "For blood banks and emergency staff"},
        name="for-blood-banks",
    ),
    path("get-help/", views.placeholder, {"title": "When to get help"}, name="get-help"),
]
