"""Admin for the safety settings: help numbers and fever temperature, review interval, search
synonyms. Like pages, a save is a draft that a clinical reviewer approves; until then the public
keeps the approved values (the live record). History, diff, preview and revert as for pages."""

from urllib.parse import urlencode

from django.contrib import admin
from django.http import HttpRequest

from ..models import HelpSettings, ReviewSettings, SearchSynonym
from .admin import SUMMARY_FIELD, GovernedAdmin

HELP_FIELDS = ["centre_name", "phone_24h", "emergency_number", "fever_threshold_c"]


class OneRecordAdmin(GovernedAdmin):
    """A settings model with one record: it can be added once, never deleted."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not self.model.objects.exists()


@admin.register(HelpSettings)
class HelpSettingsAdmin(OneRecordAdmin):
    list_display = ["__str__", *HELP_FIELDS, "updated_at"]
    readonly_fields = ["updated_at"]
    fields = [*HELP_FIELDS, "updated_at", SUMMARY_FIELD]

    def view_on_site(self, obj: HelpSettings) -> str:
        return "/get-help/"


@admin.register(ReviewSettings)
class ReviewSettingsAdmin(OneRecordAdmin):
    list_display = ["__str__", "review_months"]
    fields = ["review_months", SUMMARY_FIELD]


@admin.register(SearchSynonym)
class SearchSynonymAdmin(GovernedAdmin):
    list_display = ["words", "published"]
    list_filter = ["published"]
    search_fields = ["words"]
    fields = ["words", "published", SUMMARY_FIELD]

    def view_on_site(self, obj: SearchSynonym) -> str:
        phrases = obj.phrases()
        return "/search/?" + urlencode({"q": phrases[0]}) if phrases else "/search/"
