"""Mounted at /schedule/wallet-card/ (and /es/...): printed QR codes and cards point there."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.wallet_card, name="wallet-card"),
]
