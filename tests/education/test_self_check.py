"""Self-checks ("Check what you understood", issue 26): shipped questions, the no-JS answer,
privacy of the answer, the anonymous counts, governance of an edit, reading level."""

import logging
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client

from education import feedback
from education.content_loader import load_content
from education.governance import rules as governance
from education.models import HelpSettings, Page, SelfCheckAnswer
from education.selfcheck.headings import heading_ids
from education.selfcheck.questions import SNAPSHOT_KEY
from education.text.readability import grade_level, spanish_score
from tests.second_factor import sign_in

from .governance_helpers import approve_in_admin, editor, reviewer, save_in_admin

pytestmark = pytest.mark.django_db

PAGES = ["get-help", "infusion-day", "side-effects", "infections-and-vaccines",
         "blood-tests-and-transfusions", "pregnancy-and-contraception", "pomalidomide",
         "lenalidomide", "dexamethasone",
         "bortezomib", "carfilzomib", "blood-clots", "steroid-effects", "nerve-damage",
         "heart-and-blood-pressure"]  # fmt: skip


@pytest.fixture
def shipped():
    load_content()
    cache.clear()


def published_questions(slug: str, language: str) -> list[dict]:
    page = Page.objects.get(slug=slug, language=language)
    return governance.published_revision(page).content[SNAPSHOT_KEY]


def fields_of(html: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r'name="(q\d+)"', html)))


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_listed_page_has_a_published_self_check_of_3_to_5(shipped, language):
    for slug in PAGES:
        page = Page.objects.get(slug=slug, language=language)
        questions = published_questions(slug, language)
        assert 3 <= len(questions) <= 5, slug
        html = Client().get(page.get_absolute_url()).content.decode()
        # the sections before the questions (on get-help the red-flag tiers come first)
        ids = heading_ids(html.split("<main", 1)[1].split('id="self-check"', 1)[0])
        for q in questions:
            assert q["anchor"] in ids, (slug, q["key"], q["anchor"])
            assert q["facts_ref"].startswith("FACTS"), q["key"]
            assert q["facts_ref"] not in html  # the FACTS reference is for the admin only
            assert f'id="{q["anchor"]}"' in html
        assert 'id="self-check-title"' in html


def test_the_spanish_questions_match_the_english_ones(shipped):
    for slug in PAGES:
        english = [(q["key"], q["kind"], q["answer"]) for q in published_questions(slug, "en")]
        spanish = [(q["key"], q["kind"], q["answer"]) for q in published_questions(slug, "es")]
        assert english == spanish, slug


def test_fever_questions_use_the_site_setting_never_a_typed_number(shipped):
    texts = [
        q[field]
        for slug in PAGES
        for language in ("en", "es")
        for q in published_questions(slug, language)
        for field in ("question", "explanation", "choice_1", "choice_2", "choice_3")
    ]
    assert any("{fever}" in t for t in texts)
    assert not [t for t in texts if re.search(r"3[6-9]([.,]\d)?\s*°|100\.4|\b38\b", t)]
    settings = HelpSettings.load()
    settings.fever_threshold_c = Decimal("37.5")
    settings.save()
    cache.clear()
    html = Client().get("/learn/side-effects/").content.decode()
    legend = html.split('id="self-check-title"', 1)[1]
    assert "37.5" in legend and "{fever}" not in legend


def test_questions_and_explanations_are_plain(shipped):
    english = [
        f"{q['question']} {q['explanation']}" for s in PAGES for q in published_questions(s, "en")
    ]
    grades = [grade_level(t.replace("{fever}", "a fever")) for t in english]
    assert max(grades) <= 8, max(zip(grades, english, strict=True))
    assert sum(grades) / len(grades) <= 6
    for slug in PAGES:
        text = " ".join(
            f"{q['question']} {q['explanation']}" for q in published_questions(slug, "es")
        )
        assert spanish_score(text.replace("{fever}", "fiebre")) >= 70, slug


def test_answering_without_javascript_shows_each_explanation_privately(shipped, caplog):
    client = Client()
    html = client.get("/learn/infusion-day/").content.decode()
    assert (
        '<form class="self-check__form" method="post" action="/learn/infusion-day/#self-check"'
        in html
    )
    names = fields_of(html)
    caplog.set_level(logging.DEBUG)
    response = client.post("/learn/infusion-day/", {names[0]: "2", names[1]: "2"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies and "Set-Cookie" not in str(response.headers)
    for q in published_questions("infusion-day", "en"):
        assert q["explanation"] in page
        assert f'href="#{q["anchor"]}"' in page
    assert "You got 1 of 3." in page and "Read again:" in page
    assert "You did not answer this one." in page
    assert "/questions/" in page.split("self-check__ask", 1)[1][:400]
    assert not [r for r in caplog.records if "infusion-day" in r.getMessage()]
    assert "q" not in response.request.get("QUERY_STRING", "")


def test_the_javascript_path_gets_the_section_as_json(shipped):
    names = fields_of(Client().get("/es/learn/side-effects/").content.decode())
    response = Client().post(
        "/es/learn/side-effects/", {n: "1" for n in names}, HTTP_ACCEPT="application/json"
    )
    data = response.json()
    assert "no-store" in response["Cache-Control"] and not response.cookies
    assert data["total"] == 3 and 0 <= data["right"] <= 3
    assert f"Ha acertado {data['right']} de 3." in data["html"]


def test_the_counts_store_exactly_question_revision_right_or_wrong_and_date(shipped):
    html = Client().get("/learn/blood-clots/").content.decode()
    names = fields_of(html)
    Client().post("/learn/blood-clots/", {names[0]: "2", names[1]: "3", "note": "private"})
    page = Page.objects.get(slug="blood-clots", language="en")
    revision = governance.published_revision(page)
    rows = list(SelfCheckAnswer.objects.order_by("question_id").values())
    assert {f.name for f in SelfCheckAnswer._meta.concrete_fields} == {
        "id", "question", "revision", "correct", "date"}  # fmt: skip
    assert [(r["question_id"], r["revision_id"], r["correct"]) for r in rows] == [
        (int(names[0][1:]), revision.pk, True),
        (int(names[1][1:]), revision.pk, False),
    ]


def test_the_honeypot_and_the_rate_limit_stop_counting_but_not_the_explanations(
    shipped, monkeypatch
):
    names = fields_of(Client().get("/learn/carfilzomib/").content.decode())
    response = Client().post("/learn/carfilzomib/", {names[0]: "2", "website": "spam"})
    assert "You got 1 of 3." in response.content.decode()
    assert not SelfCheckAnswer.objects.exists()
    monkeypatch.setattr(feedback, "PAGE_LIMIT", 1)
    for _ in range(3):
        Client().post("/learn/carfilzomib/", {names[0]: "2"})
    assert SelfCheckAnswer.objects.count() == 1


def test_a_self_check_edit_is_not_public_until_another_person_approves(shipped):
    page = Page.objects.get(slug="dexamethasone", language="en")
    as_editor, as_reviewer = Client(), Client()
    sign_in(as_editor, editor())
    sign_in(as_reviewer, reviewer())
    old = published_questions("dexamethasone", "en")[1]["question"]
    response = save_in_admin(
        as_editor,
        page,
        "Plainer question",
        **{"self_checks-1-question": "You may stop it on your own."},
    )
    assert response.status_code == 302
    draft = governance.pending_draft(page)
    assert draft.content[SNAPSHOT_KEY][1]["question"] == "You may stop it on your own."
    cache.clear()
    assert old in Client().get("/learn/dexamethasone/").content.decode()
    assert approve_in_admin(as_editor, page, draft.number).status_code == 403
    assert approve_in_admin(as_reviewer, page, draft.number).status_code == 302
    cache.clear()
    public = Client().get("/learn/dexamethasone/").content.decode()
    assert "You may stop it on your own." in public and old not in public


def test_the_dashboard_lists_pages_without_a_self_check_and_the_most_missed_questions(shipped):
    from education.selfcheck import counts

    page = Page.objects.get(slug="nerve-damage", language="en")
    question = page.self_checks.get(key="nerve-wait")
    revision = governance.published_revision(page)
    for correct in [False] * 4 + [True]:
        SelfCheckAnswer.objects.create(question=question, revision=revision, correct=correct)
    wrong = counts.most_often_wrong()
    assert [(r["question"], r["wrong"], r["total"]) for r in wrong] == [(question.pk, 4, 5)]
    missing = {p.slug for p in counts.pages_without_self_check()}
    assert "what-is-isatuximab" in missing and not missing & set(PAGES)
    admin = Client()
    sign_in(admin, reviewer())
    home = admin.get("/admin/").content.decode()
    assert "4 wrong of 5" in home and "Published pages without a self-check" in home
