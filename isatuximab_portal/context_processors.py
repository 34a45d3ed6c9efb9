from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

gettext_noop("Isatuximab treatment guide")  # settings.SITE_NAME, so makemessages lists it

# The <html lang> of each site language (English pages have always said en-GB).
HTML_LANG = {"en": "en-GB", "es": "es"}


def site(request: HttpRequest) -> dict:
    return {"SITE_NAME": gettext(settings.SITE_NAME)}


def language_links(path: str, current: str) -> list[dict]:
    """The same address in every site language (Django's translate_url), current first."""
    links = []
    for code, name in settings.LANGUAGES:
        url = path if code == current else translate_url(path, code)
        links.append(
            {"code": code, "name": name, "url": url, "current": code == current, "lang": code}
        )
    return sorted(links, key=lambda link: not link["current"])


def languages(request: HttpRequest) -> dict:
    """The page's language, its lang attribute, and links to it in the other languages."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    links = language_links(request.path, current)
    for link in links:
        link["absolute_url"] = request.build_absolute_uri(link["url"])
    return {
        "LANGUAGE_CODE": current,
        "html_lang": HTML_LANG.get(current, current),
        "language_links": links,
        "other_languages": [link for link in links if not link["current"]],
    }
