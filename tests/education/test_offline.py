"""The offline web app's server side: worker script, manifest and offline pages."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

from education.cache import forget_version

from .conftest import make_page

CONFIG = re.compile(r"^const CONFIG = (\{.*\});$", re.MULTILINE)


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
def test_the_manifest_describes_the_site(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == manifest["scope"] == "/"
    assert manifest["name"] == "Isatuximab treatment guide"
    icon = manifest["icons"][0]["src"]
    assert finders.find(icon.removeprefix("/static/"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "heading"),
    [("/offline/", "You are offline"), ("/offline/tools/", "This needs a connection")],
)
def test_the_offline_pages_explain_and_list_what_works_offline(client, url, heading):
    response = client.get(url)
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert 'href="/get-help/"' in html and 'href="/for-blood-banks/"' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert not response.cookies


@pytest.mark.django_db
def test_every_page_links_the_manifest_and_the_worker_without_inline_script(client):
    html = client.get("/get-help/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert '<script src="/static/js/offline.js" data-worker="/sw.js" defer>' in scripts
    assert all("src=" in tag for tag in scripts)
