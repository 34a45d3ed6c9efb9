"""What a content page shows, shared by the public views, the admin's draft preview and the
booklet, so all three look the same and none of them imports another's views."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .models import ENGLISH, GET_HELP_SLUG, GlossaryTerm, HelpSettings, Page
from .red_flags import by_tier, content_values, red_flags
from .selfcheck.headings import with_heading_ids
from .text.rendering import Term, page_html

# A simple black-and-white line picture shown beside a page's main message where it helps the
# reader act (issue 24, PEMAT item 26): static file, alt text, width and height, by page slug.
PAGE_PICTURES = {
    "infusion-day": ("img/drip.svg", _("A drip bag and tube going into an arm"), 48, 84),
    "side-effects": ("img/thermometer.svg", _("A thermometer"), 48, 84),
    # the main message says to carry the card and show it before a transfusion
    "blood-tests-and-transfusions": (
        "img/card.svg",
        _("An alert card, the size of a bank card"),
        72,
        48,
    ),
}


def glossary_terms(language: str) -> list[Term]:
    """The published glossary in `language`, for linking its words in a page's text."""
    return [
        Term(slug=t.slug, term=t.term, definition=t.definition, spellings=tuple(t.spellings()))
        for t in GlossaryTerm.objects.published().for_language(language)
    ]


def page_context(page: Page) -> dict:
    """What page.html needs; the admin's draft preview uses it too, so both look the same."""
    help_settings = HelpSettings.load()
    return {
        "page": page,
        "body_html": page_html(
            page.body, glossary_terms(page.language), content_values(help_settings)
        ),
        "help_settings": help_settings if page.show_help else None,
        "header_numbers": help_settings,
        "picture": PAGE_PICTURES.get(page.slug),
        "red_flag_tiers": help_tiers(page.language, help_settings),
    }


def help_tiers(language: str, help_settings: HelpSettings | None = None) -> dict[str, list[str]]:
    """The red flags of every regimen by tier, for the help block (includes/help_block.html)."""
    return by_tier(red_flags(language, None, help_settings))


def published_get_help(language: str) -> Page | None:
    """The published get-help page in ``language`` (the English one where not translated)."""
    pages = Page.objects.published().filter(slug=GET_HELP_SLUG)
    return pages.for_language(language).first() or pages.for_language(ENGLISH).first()


def get_help_context(
    language: str,
    help_settings: HelpSettings,
    page: Page | None,
    red_flag_tiers: dict[str, list[str]] | None = None,
) -> dict:
    """What education/get_help.html needs, for the public page, the search index and the admin's
    previews: the red-flag tiers (rendered once, as ``help_block_html``, whose tier headings
    carry the ids 'emergency', 'call-now' and 'next-visit'), and the governed get-help page's
    title, main message and body when it is published (``page`` None: the tiers alone)."""
    tiers = red_flag_tiers if red_flag_tiers is not None else help_tiers(language, help_settings)
    block_context = {"help_settings": help_settings, "red_flag_tiers": tiers, "standalone": True}
    context = {
        "help_settings": help_settings,
        "header_numbers": help_settings,
        "red_flag_tiers": tiers,
        "help_block_html": render_to_string("includes/help_block.html", block_context),
        "page": page,
        "body_html": "",
    }
    if page is not None:
        body = page_html(page.body, glossary_terms(page.language), content_values(help_settings))
        context["body_html"] = with_heading_ids(body)
    return context
