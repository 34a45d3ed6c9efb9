"""The care team's approved numbers for the site header.

``{% header_numbers as hs %}`` gives the HelpSettings record the view already put in the
context (``help_settings``, or ``header_numbers`` on pages that show no help block). On any
other page that a URL resolved to (the calendar, the alert card and the other tools) it reads
the approved record itself, so a patient finds the 24-hour number in the header on every page.
Error pages (no resolved URL: 404, 500) never query: the database may be the thing that failed.
A database error gives None (the header then shows no dial line), never a failure.
"""

from django import template
from django.db import DatabaseError

from ..models import HelpSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def header_numbers(context: template.Context):
    given = context.get("help_settings") or context.get("header_numbers")
    if given is not None:
        return given
    request = context.get("request")
    if request is None or getattr(request, "resolver_match", None) is None:
        return None
    try:
        return HelpSettings.load()
    except DatabaseError:
        return None
