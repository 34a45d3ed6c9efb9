"""The wallet card under /es/ keeps the same privacy promises as in English: nothing typed is
stored, logged, cached or put in a URL (tests/test_privacy.py holds the English checks)."""

import datetime as dt
import io
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from tests.test_privacy import (
    CARD_V2,
    CARD_V2_SECRETS,
    CONTACT,
    NAME,
    RESULTS_AT,
    TODAY,
    URL_ATTRIBUTE,
    everything_recorded,
    html_of,
    pdf_text,
)

URL = "/es/schedule/wallet-card/"
# What the server writes from the typed dates in Spanish: last dose, carry-until, start.
SPANISH_SECRETS = [*CARD_V2_SECRETS, "5 mar 2026", "5 sept 2026", "1 dic 2025", "20 nov 2025"]


@pytest.mark.django_db
def test_the_spanish_card_keeps_nothing_typed_anywhere(client, caplog, monkeypatch):
    import zxingcpp
    from PIL import Image

    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    with everything_recorded(caplog) as (records, queries):
        prefilled = client.post(URL, {"start_date": "2025-12-01", "from_calendar": "1"})
        pdf = client.post(URL, CARD_V2)
        image = client.post(URL, {**CARD_V2, "output": "image"})
        error = client.post(URL, {**CARD_V2, "last_dose_date": "2027-01-01"})
    # Each reached its real answer, in Spanish.
    html_of(prefilled, "Pusimos la fecha en que empezó", 'value="2025-12-01"')
    text = pdf_text(pdf)
    assert "5 mar 2026" in text and "5 sept 2026" in text and RESULTS_AT in text
    assert NAME in text and "In English:" in text
    picture = Image.open(io.BytesIO(image.content))
    assert [code.text for code in zxingcpp.read_barcodes(picture)] == [
        "http://testserver/es/for-blood-banks/"
    ]
    html_of(error, "Hay un problema", "no puede ser en el futuro", f'value="{CONTACT}"')

    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    logged = "\n".join(f"{r.getMessage()} {r.args!r}" for r in records)
    sql = "\n".join(query["sql"] for query in queries.captured_queries)
    stored = repr(list(cache._cache.items()))
    for response in (prefilled, pdf, image, error):
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and not response.cookies
        assert not response.has_header("Location")
        headers = repr(sorted(response.items()))
        urls = b" ".join(URL_ATTRIBUTE.findall(response.content)).decode("latin-1")
        for secret in SPANISH_SECRETS:
            assert secret not in headers and secret not in urls, secret
    for secret in SPANISH_SECRETS:
        for place in (dump.getvalue(), logged, sql, stored):
            assert secret not in place, secret


@pytest.mark.django_db
def test_the_spanish_form_posts_and_error_reports_hide_every_posted_value(client):
    from django.views.debug import SafeExceptionReporterFilter

    html = client.get(URL).content.decode()
    assert f'<form class="wallet-card-form" method="post" action="{URL}"' in html
    request = client.post(URL, CARD_V2).wsgi_request
    cleansed = SafeExceptionReporterFilter().get_post_parameters(request)
    for key in CARD_V2:
        assert cleansed[key] == SafeExceptionReporterFilter.cleansed_substitute
    assert dt.date.fromisoformat(CARD_V2["last_dose_date"]) <= TODAY
