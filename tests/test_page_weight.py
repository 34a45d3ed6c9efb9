"""Page weight: a first visit to a content page is well under 100 KB on the wire.

Counted as a browser with an empty cache would receive it: the page gzipped by the app, plus
every stylesheet, script and image it references, each gzipped at level 9 as whitenoise's
`collectstatic` stores them (browsers that take brotli get less). Response headers are not
counted. Runs in `make test`; `make bench` prints the figures.
"""

import gzip
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

LIMIT_BYTES = 100_000
ASSET = re.compile(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="(/static/[^"]+)"')


def first_visit(client: Client, path: str) -> tuple[int, int, int]:
    """(page bytes, asset bytes, number of assets) for an empty-cache visit to `path`."""
    response = client.get(path, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response.get("Content-Encoding") == "gzip", f"{path} is not gzipped"
    html = gzip.decompress(response.content).decode()
    assets = sorted(set(ASSET.findall(html)))
    sizes = []
    for asset in assets:
        asset_response = client.get(asset)
        assert asset_response.status_code == 200, asset
        sizes.append(len(gzip.compress(b"".join(asset_response.streaming_content), 9)))
    return len(response.content), sum(sizes), len(assets)


@pytest.fixture
def pages(db, client) -> list[str]:
    """The main content pages, with the first page linked from /learn/."""
    call_command("load_initial_content", stdout=StringIO())
    learn = client.get("/learn/").content.decode()
    first = re.search(r'href="(/learn/[\w-]+/)"', learn)
    assert first, "no content page linked from /learn/"
    return ["/", "/learn/", first[1], "/checklist/", "/glossary/", "/get-help/"]


def test_it_keeps_a_first_visit_to_each_content_page_under_100_kb(client, pages):
    for path in pages:
        page, assets, count = first_visit(client, path)
        total = page + assets
        print(f"{path:<40} page {page:>6} B + {count} assets {assets:>6} B = {total:>6} B gzip")
        assert count >= 1, f"{path}: no stylesheet found, the count would be wrong"
        assert total < LIMIT_BYTES, f"{path}: {total} bytes on a first visit"
