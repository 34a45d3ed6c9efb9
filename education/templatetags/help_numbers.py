"""The care team's approved numbers for the site header, without a database query.

``{% header_numbers as hs %}`` gives the HelpSettings record the view already put in the
context (``help_settings``, or ``header_numbers`` on pages that show no help block), else
None. The header is on every page, including the error pages and the calendar and card tools
that use no database, so it must never query: only the education pages, which read the
numbers anyway, show the 24-hour line in the header.
"""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def header_numbers(context: template.Context):
    return context.get("help_settings") or context.get("header_numbers")
