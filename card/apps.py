from django.apps import AppConfig


class CardConfig(AppConfig):
    name = "card"
    verbose_name = "Blood-transfusion alert card"
