"""The offline web app's server side: worker script, manifest and offline pages, in English
and in Spanish (one worker at the root keeps both; each language has its own offline pages and
manifest). Tests that hold in both languages run once per URL prefix."""

import json
import re
from io import StringIO

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

from education.cache import forget_version
from education.models import Page

from .conftest import make_page

CONFIG = re.compile(r"^const CONFIG = (\{.*\});$", re.MULTILINE)
PREFIXES = pytest.mark.parametrize("prefix", ["", "/es"], ids=["en", "es"])
OTHER = {"": "/es", "/es": ""}
WORDS = {
    "": {
        "offline/": "You are offline",
        "offline/tools/": "This needs a connection",
        "intro": "You can read these pages",
        "description": "Plain-language information",
        "manifest": {"name": "Isatuximab treatment guide", "short_name": "Isatuximab guide",
                     "lang": "en-GB", "start_url": "/", "scope": "/"},
    },
    "/es": {
        "offline/": "No tiene conexión",
        "offline/tools/": "Esto necesita conexión",
        "intro": "Puede leer estas páginas sin conexión",
        "description": "Información en palabras sencillas",
        "manifest": {"name": "Guía del tratamiento con isatuximab",
                     "short_name": "Guía de isatuximab", "lang": "es", "start_url": "/es/",
                     "scope": "/"},
    },
}  # fmt: skip


def worker_config(client) -> dict:
    forget_version()
    response = client.get("/sw.js")
    assert response.status_code == 200
    return json.loads(CONFIG.search(response.content.decode()).group(1))


@pytest.mark.django_db
def test_the_worker_is_a_same_origin_script_at_the_site_root(client):
    response = client.get("/sw.js")
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    # Served under the same strict policy as every page: scripts from this site only.
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert not response.cookies


@pytest.mark.django_db
def test_the_worker_keeps_every_published_reading_page_and_no_tool(client):
    published = make_page(slug="kept-page")
    draft = make_page(slug="draft-page", status="draft")
    config = worker_config(client)
    for url in ("/", "/learn/", "/checklist/", "/glossary/", "/get-help/", "/for-blood-banks/"):
        assert url in config["pages"]
    assert published.get_absolute_url() in config["pages"]
    assert draft.get_absolute_url() not in config["pages"]
    assert not [url for url in config["pages"] if url.startswith(("/schedule/", "/es/schedule/"))]
    assert config["tools"] == ["/schedule/", "/es/schedule/"]
    assert {"/es/", "/es/checklist/", "/es/get-help/"} <= set(config["pages"])
    assert client.get("/es/sw.js").status_code == 404  # one worker at the root for both languages
    assert (config["offline"], config["offlineTools"]) == ("/offline/", "/offline/tools/")
    for asset in config["assets"]:
        assert finders.find(asset.removeprefix(config["static"])), asset


@pytest.mark.django_db
def test_with_hashed_static_names_the_worker_keeps_the_hashed_files(client, settings, tmp_path):
    """As in production: collectstatic with the manifest storage, names carry a content hash."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    config = worker_config(client)
    assert config["static"] == "/static/"
    assert all(re.search(r"\.[0-9a-f]{12}\.(css|js|svg)$", asset) for asset in config["assets"])
    html = client.get("/offline/").content.decode()
    assert re.search(
        r'<script src="/static/js/offline\.[0-9a-f]{12}\.js" data-worker="/sw.js"', html
    )


@pytest.mark.django_db
def test_a_content_edit_gives_a_new_worker_and_a_new_cache(client):
    page = make_page(slug="edited-page")
    before = worker_config(client)
    page.summary = "A changed main message."
    page.save()
    after = worker_config(client)
    assert after["cache"] != before["cache"]
    assert after["cache"].startswith("isatuximab-offline-v")
    assert worker_config(client) == after  # stable while nothing changes


@pytest.mark.django_db
def test_the_worker_keeps_every_spanish_reading_page_and_both_offline_pages(client):
    call_command("load_initial_content", stdout=StringIO())
    config = worker_config(client)
    spanish = Page.objects.published().filter(language="es")
    assert spanish.count() >= 20
    for page in spanish:
        assert page.get_absolute_url().startswith("/es/")
        assert page.get_absolute_url() in config["pages"], page.slug
    assert config["languages"] == [
        {"prefix": "/es/", "offline": "/es/offline/", "offlineTools": "/es/offline/tools/"}
    ]
    script = client.get("/sw.js").content.decode()
    # The install step requires every offline page, the Spanish ones too.
    assert "const required = OFFLINE_PAGES.map(page);" in script
    assert "language.offline, language.offlineTools" in script


@pytest.mark.django_db
@PREFIXES
def test_the_manifest_describes_the_site_in_its_language(client, prefix):
    response = client.get(f"{prefix}/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    expected = WORDS[prefix]["manifest"]
    assert {key: manifest[key] for key in expected} == expected
    assert WORDS[prefix]["description"] in manifest["description"]
    icon = manifest["icons"][0]["src"]
    assert finders.find(icon.removeprefix("/static/"))


@pytest.mark.django_db
@PREFIXES
@pytest.mark.parametrize("address", ["offline/", "offline/tools/"])
def test_the_offline_pages_explain_and_list_what_works_offline(client, prefix, address):
    words, other = WORDS[prefix], WORDS[OTHER[prefix]]
    response = client.get(f"{prefix}/{address}")
    html = response.content.decode()
    assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex"
    assert f"<h1>{words[address]}</h1>" in html
    assert words["intro"] in html
    for link in ("get-help/", "checklist/", "glossary/", "for-blood-banks/"):
        assert f'href="{prefix}/{link}"' in html, link
    assert other[address] not in html
    assert other["intro"] not in html
    assert not response.cookies


@pytest.mark.django_db
@PREFIXES
def test_every_page_links_its_manifest_and_the_one_worker_without_inline_script(client, prefix):
    html = client.get(f"{prefix}/get-help/").content.decode()
    assert f'<link rel="manifest" href="{prefix}/manifest.webmanifest">' in html
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert '<script src="/static/js/offline.js" data-worker="/sw.js" defer>' in scripts
    assert all("src=" in tag for tag in scripts)
