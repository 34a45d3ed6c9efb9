"""Hostile and random values thrown at every public form through the real views (issue 6).

Each answer must be a correct result or a clear message on the form: never a 500, never an
empty or mislabelled download. The form classes have their own property tests; these go
through URL routing, middleware, templates and the ICS and PDF renderers as a browser would.
"""

import datetime as dt

import pytest
from django.test import Client
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

HOSTILE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "",
            " ",
            "NaN",
            "-Infinity",
            "1e309",
            "-1",
            "0",
            "70 kg",
            "154 lb",
            "9" * 3000,
            "0001-01-01",
            "9999-12-31",
            "2028-02-29",
            "2027-02-29",
            "05/01/2026",
            "🙂🩸",
            "山田太郎",
            "مريض",
            "<script>alert(1)</script>",
            "'; DROP TABLE education_page; --",
            "\x00\x1f",
        ]
    ),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(str),
)


def mutated(sensible: dict[str, str]):
    """The sensible form data with up to three fields replaced by hostile values, so valid
    plans, downloads and cards are reached as well as every kind of error."""
    changes = st.dictionaries(st.sampled_from(sorted(sensible)), HOSTILE, max_size=3)
    return st.one_of(st.just({}), changes).map(lambda changed: {**sensible, **changed})


CALENDAR = {
    "regimen": "isa-vrd",
    "others_off": "on",
    "weight": "83.4",
    "weight_unit": "kg",
    "start_date": "2026-01-05",
    "first_cycle": "",
    "last_cycle": "",
    "delay_from": "",
    "delay_days": "",
    "paper": "a4",
}
CARD = {
    "name": "Ana Silva",
    "start_date": "2026-01-05",
    "centre": "St Mary's",
    "centre_phone": "+44 20 7946 0000",
    "blood_group": "O-",
    "screen_date": "2025-12-20",
    "contact_name": "Sam",
    "contact_phone": "0161 496 0000",
    "last_dose_date": "",  # a real date soon goes stale: a last dose is at most 6 months old
    "results_held_at": "St Mary's blood bank",
    "paper": "a4",
    "layout": "sheet",
    "from_calendar": "",
}
EXPECTED_DOWNLOADS = {"ics": "text/calendar", "pdf": "application/pdf", "image": "image/png"}
MAGIC = {"application/pdf": b"%PDF-", "text/calendar": b"BEGIN:VCALENDAR", "image/png": b"\x89PNG"}
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def answers_clearly(response, download: str | None = None) -> None:
    assert response.status_code == 200, response.status_code
    content_type = response["Content-Type"].split(";")[0]
    if content_type == "text/html":
        html = response.content.decode()
        if 'class="error-summary"' in html:
            event("message on the form")
            assert "There is a problem" in html
        else:
            event("result or form")
        return
    event(f"download {content_type}")
    assert content_type == EXPECTED_DOWNLOADS.get(download), content_type
    assert response.content.startswith(MAGIC[content_type])


@pytest.mark.django_db
@pytest.mark.parametrize("output", ["", "ics", "pdf", "edit", "docx"])
@FUZZ
@given(data=mutated(CALENDAR))
def test_the_calendar_never_fails_on_any_input(output, data):
    response = Client(raise_request_exception=False).post("/schedule/", {**data, "format": output})
    answers_clearly(response, output)


@pytest.mark.django_db
@pytest.mark.parametrize("output", ["pdf", "image"])
@FUZZ
@given(data=mutated(CARD))
def test_the_wallet_card_never_fails_on_any_input(output, data):
    client = Client(raise_request_exception=False)
    response = client.post("/schedule/wallet-card/", {**data, "output": output})
    answers_clearly(response, output)


@pytest.mark.django_db
@FUZZ
@given(query=HOSTILE)
@example(query="<script>alert(1)</script>")  # drawn only now and then otherwise
def test_search_never_fails_and_never_echoes_markup(query):
    response = Client(raise_request_exception=False).get("/search/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


@pytest.fixture
def shipped(db):
    from io import StringIO

    from django.core.management import call_command

    call_command("load_initial_content", stdout=StringIO())


def question_sheet_data():
    """Ticks (real, unknown or not numbers), up to 7 own questions (the form takes 5), any
    paper and any button."""
    from education.models import QuestionPrompt

    known = list(QuestionPrompt.objects.filter(language="en").values_list("pk", flat=True)[:5])
    ticks = st.lists(st.one_of(st.sampled_from([str(pk) for pk in known]), HOSTILE), max_size=4)
    own = st.dictionaries(st.sampled_from([f"own_{n}" for n in range(1, 8)]), HOSTILE, max_size=4)
    return st.tuples(ticks, own, st.one_of(st.sampled_from(["a4", "letter"]), HOSTILE),
                     st.sampled_from(["", "print", "pdf", "docx"]))  # fmt: skip


@pytest.mark.django_db
@FUZZ
@given(data=st.data())
def test_the_question_builder_never_fails_on_any_input(shipped, data):
    ticks, own, paper, output = data.draw(question_sheet_data())
    form = {"asked": ticks, "paper": paper, "output": output, **own}
    response = Client(raise_request_exception=False).post("/questions/", form)
    assert response.status_code in (200, 400), response.status_code
    assert response["Cache-Control"] == "no-store" or "no-store" in response["Cache-Control"]
    assert response.cookies == {}
    if response["Content-Type"].startswith("text/html"):
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html
        if response.status_code == 400:
            event("message on the form")
            assert "There is a problem" in html
        else:
            event("print view")
    else:
        event("pdf")
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")


@pytest.mark.django_db
@pytest.mark.parametrize("accept", ["text/html", "application/json"])
@FUZZ
@given(data=st.data())
def test_a_self_check_never_fails_on_any_answer(shipped, accept, data):
    from education.models import SelfCheckQuestion

    fields = [f"q{pk}" for pk in SelfCheckQuestion.objects.filter(
        page__slug="infusion-day", page__language="en").values_list("pk", flat=True)]  # fmt: skip
    assert fields
    names = st.one_of(st.sampled_from(fields), st.sampled_from(["q0", "q-1", "q99999", "qx"]))
    answers = data.draw(st.dictionaries(names, HOSTILE, max_size=6))
    response = Client(raise_request_exception=False).post(
        "/learn/infusion-day/", answers, HTTP_ACCEPT=accept
    )
    assert response.status_code == 200, response.status_code
    assert "no-store" in response["Cache-Control"] and response.cookies == {}
    assert b"<script>alert(1)</script>" not in response.content
    event(response["Content-Type"].split(";")[0])
