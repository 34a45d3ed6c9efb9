"""Issue 21: one governed list of red flags. Chest pain is an emergency everywhere; get-help
has the signs FACTS gives; a regimen-only sign is left off the other regimens' outputs; an
editor's change is a draft until a second person approves it, and then reaches every output."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from education.governance import rules as governance
from education.models import RedFlag
from education.red_flags import red_flags
from isatuximab_portal.lib.language import speaking
from tests.education.governance_helpers import editor, reviewer

pytestmark = pytest.mark.django_db


def tier_lists(html: str) -> dict[str, list[str]]:
    """Every red-flag list on a page, by tier (the ul elements the one template writes)."""
    found: dict[str, list[str]] = {}
    for tier, body in re.findall(r'<ul class="red-flags" data-tier="(\w+)">(.*?)</ul>', html, re.S):
        items = [" ".join(i.split()) for i in re.findall(r"<li>(.*?)</li>", body, re.S)]
        found.setdefault(tier, []).extend(items)
    return found


@pytest.fixture
def shipped():
    call_command("load_initial_content", stdout=StringIO())


def test_chest_pain_is_an_emergency_on_get_help_and_the_checklist(client, shipped):
    for url in ("/get-help/", "/checklist/", "/es/get-help/", "/es/checklist/"):
        lists = tier_lists(client.get(url).content.decode())
        emergency = " ".join(lists["emergency"])
        urgent = " ".join(lists["call_now"])
        assert "chest pain" in emergency or "dolor en el pecho" in emergency, url
        assert "chest pain" not in urgent and "dolor en el pecho" not in urgent, url


def test_get_help_gives_the_kidney_and_blood_pressure_signs(client, shipped):
    urgent = tier_lists(client.get("/get-help/").content.decode())["call_now"]
    assert "peeing much less than usual" in urgent
    assert any("a very bad headache with confusion or blurred vision" in s for s in urgent)


def test_a_regimen_only_sign_stays_off_the_other_regimens(shipped):
    headache = "a very bad headache with confusion or blurred vision"
    assert any(headache in f.text for f in red_flags("en", "isa-kd"))
    assert not any(headache in f.text for f in red_flags("en", "isa-pd"))
    clot = "signs of a blood clot: a painful, swollen leg or arm"
    for regimen in ("isa-pd", "isa-kd", "isa-vrd", "isa-vrd-induction"):
        assert clot in [f.text for f in red_flags("en", regimen)]  # P1a: IMiDs and carfilzomib


def test_an_edit_is_a_draft_until_a_second_person_approves_it(client, shipped):
    flag = RedFlag.objects.get(language="en", text="chest pain")
    flag.text = "chest pain or tightness"
    author = editor()
    draft = governance.save_draft(flag, author, "Wider wording")
    assert "chest pain or tightness" not in client.get("/get-help/").content.decode()
    with pytest.raises(governance.GovernanceError):
        governance.approve(draft, author, draft.content_hash)  # an editor cannot approve
    governance.approve(draft, reviewer(), draft.content_hash)
    assert "chest pain or tightness" in client.get("/get-help/").content.decode()


def test_the_diary_page_lists_the_same_signs(client, shipped):
    for prefix, language in (("", "en"), ("/es", "es")):
        lists = tier_lists(client.get(f"{prefix}/diary/").content.decode())
        found = {" ".join(s.split()) for signs in lists.values() for s in signs}
        with (
            translation.override(language),
            speaking(language, translation.gettext, translation.ngettext),
        ):  # the Spanish decimal comma
            expected = {" ".join(f.text.split()) for f in red_flags(language)}
        assert found == expected, language
