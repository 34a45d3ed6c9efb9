"""The offline web app in Spanish: the Spanish offline pages, the worker keeping the Spanish
reading pages and answering /es/ addresses with them, and a Spanish manifest."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from education.models import Page

from .test_offline import worker_config

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "heading", "english"),
    [
        ("/es/offline/", "No tiene conexión", "You are offline"),
        ("/es/offline/tools/", "Esto necesita conexión", "This needs a connection"),
    ],
)
def test_the_spanish_offline_pages_are_spanish_and_link_spanish_pages(
    client, url, heading, english
):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex"
    assert f"<h1>{heading}</h1>" in html
    assert "Puede leer estas páginas sin conexión" in html
    for link in ("/es/get-help/", "/es/checklist/", "/es/glossary/", "/es/for-blood-banks/"):
        assert f'href="{link}"' in html, link
    assert english not in html
    assert "You can read these pages" not in html


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


def test_the_spanish_manifest_names_the_app_in_spanish_and_starts_at_es(client):
    response = client.get("/es/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Guía del tratamiento con isatuximab"
    assert manifest["short_name"] == "Guía de isatuximab"
    assert manifest["lang"] == "es"
    assert manifest["start_url"] == "/es/" and manifest["scope"] == "/"
    assert "Información en palabras sencillas" in manifest["description"]
    english = json.loads(client.get("/manifest.webmanifest").content)
    assert english["name"] == "Isatuximab treatment guide" and english["lang"] == "en-GB"
    assert english["start_url"] == english["scope"] == "/"


def test_spanish_pages_link_the_spanish_manifest(client):
    assert '<link rel="manifest" href="/es/manifest.webmanifest">' in (
        client.get("/es/get-help/").content.decode()
    )
    assert '<link rel="manifest" href="/manifest.webmanifest">' in (
        client.get("/get-help/").content.decode()
    )
