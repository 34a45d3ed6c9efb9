"""The Spanish edition's plumbing: addresses, lang attributes, language links, no cookie, and
a complete, compiled Spanish catalogue."""

import re
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

from education.models import Page

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES"
FIXED_PUBLIC_PATHS = [
    "/", "/learn/", "/checklist/", "/glossary/", "/search/", "/search/?q=infusion",
    "/for-blood-banks/", "/get-help/", "/schedule/", "/schedule/wallet-card/",
    "/feedback/thanks/?page=/", "/diary/", "/booklet/", "/offline/", "/offline/tools/",
    "/intended-use/",
]  # fmt: skip


@pytest.fixture
def shipped(db):
    call_command("load_initial_content", stdout=StringIO())
    return list(Page.objects.published().filter(language="en"))


def public_paths(pages: list[Page]) -> list[str]:
    return FIXED_PUBLIC_PATHS + [p.get_absolute_url() for p in pages if p.slug != "for-blood-banks"]


def test_every_public_address_answers_in_spanish_under_es(client, shipped):
    for path in public_paths(shipped):
        response = client.get(f"/es{path}")
        html = response.content.decode()
        assert response.status_code == 200, path
        assert re.search(r'<html lang="es">', html), path
        assert response["Content-Language"] == "es", path
        assert not response.cookies, path
        assert "Set-Cookie" not in response.serialize_headers().decode(), path


def test_english_stays_at_the_usual_addresses_even_for_a_spanish_browser(client, shipped):
    for path in public_paths(shipped):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
        assert response.status_code == 200, path
        assert '<html lang="en-GB">' in response.content.decode(), path
        assert not response.cookies, path


def test_the_language_link_goes_to_the_same_page_in_the_other_language(client, shipped):
    english = client.get("/learn/what-is-isatuximab/").content.decode()
    assert re.search(
        r'<a class="language-link" href="/es/learn/what-is-isatuximab/" hreflang="es" '
        r'lang="es">Español</a>',
        english,
    )
    spanish = client.get("/es/learn/what-is-isatuximab/").content.decode()
    assert re.search(
        r'<a class="language-link" href="/learn/what-is-isatuximab/" hreflang="en" '
        r'lang="en">English</a>',
        spanish,
    )


@pytest.mark.parametrize("path", ["/checklist/", "/es/checklist/"])
def test_every_page_lists_its_alternates_for_search_engines(client, db, path):
    html = client.get(path).content.decode()
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
    )
    assert alternates == {
        "en": "http://testserver/checklist/",
        "es": "http://testserver/es/checklist/",
        "x-default": "http://testserver/checklist/",
    }


def test_the_admin_stays_unprefixed_and_english(client, db):
    assert client.get("/es/admin/").status_code == 404
    login = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="es")
    assert login.status_code == 200 and "Log in" in login.content.decode()


def test_the_interface_is_in_spanish_under_es(client, db):
    html = client.get("/es/get-help/").content.decode()
    assert "<h1>Cuándo pedir ayuda</h1>" in html
    assert "Urgente: llame ya a su número de 24 horas" in html
    assert "When to get help" not in html
    assert "<h1>When to get help</h1>" in client.get("/get-help/").content.decode()


def test_an_unknown_spanish_address_gets_the_spanish_404(client, db):
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    assert "No encontramos la página" in response.content.decode()


# --- The catalogue --------------------------------------------------------------------------


def catalogue() -> polib.POFile:
    return polib.pofile(str(CATALOGUE / "django.po"))


def test_every_spanish_interface_string_is_translated_and_none_is_fuzzy():
    po = catalogue()
    assert len(po) > 100
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated}"
    assert not fuzzy, f"fuzzy: {fuzzy}"
    for entry in po:
        placeholders = set(re.findall(r"%\(\w+\)s", entry.msgid))
        translated = entry.msgstr or entry.msgstr_plural[1]
        assert set(re.findall(r"%\(\w+\)s", translated)) == placeholders, entry.msgid


def test_the_committed_mo_file_matches_the_po_file():
    """`make messages` compiles the .po; a .po edited without compiling fails here."""

    def messages(entries) -> dict:
        found = {}
        for e in entries:
            if e.msgid_plural:
                found[(e.msgid, e.msgid_plural)] = tuple(sorted(e.msgstr_plural.items()))
            elif e.msgid:
                found[e.msgid] = e.msgstr
        return found

    compiled = polib.mofile(str(CATALOGUE / "django.mo"))
    assert messages(compiled) == messages(e for e in catalogue() if not e.obsolete)
