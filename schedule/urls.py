from django.urls import path

from . import card_views, views

urlpatterns = [
    path("", views.calendar, name="schedule"),
    path("wallet-card/", card_views.wallet_card, name="wallet-card"),
]
