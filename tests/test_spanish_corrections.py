"""Issue 25: a medical translator's corrections to the Spanish edition, each read from the real
output (the page's HTML, the card and handout PDFs, the holiday list, the glossary), and the
house terms of docs/spanish-house-terms.md applied across the Spanish content and catalogue."""

import datetime as dt
import io
import re
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from pypdf import PdfReader

from isatuximab_portal.lib.language import speaking
from schedule.public_holidays import holiday_lookup, place_choices, place_name
from tests.schedule.test_calendar_spanish import VALID, text_of
from tests.schedule.test_card_views_spanish import FILLED as CARD

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 3, 10))


@pytest.fixture
def shipped():
    call_command("load_initial_content", stdout=StringIO())


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_blood_bank_page_says_typing_is_usually_unaffected_and_class_practice(client, shipped):
    text = text_of(client.get("/es/for-blood-banks/"))
    assert "La tipificación ABO y RhD normalmente no se ve afectada." in text
    assert "Práctica habitual con los anti-CD38 (efecto de clase):" in text
    assert "Pueden aparecer durante la infusión o después, incluso más tarde" in text
    for wrong in ("no cambia", "Práctica del grupo", "datos del grupo"):
        assert wrong not in text, wrong


def test_the_card_keeps_for_and_at_least_and_hedges_the_typing(client):
    text = pdf_text(client.post("/es/schedule/wallet-card/", {**CARD, "layout": "card"}))
    assert "Llévela durante el tratamiento y 6 meses más tras la última dosis." in text
    assert "Al menos hasta:" in text and "Llévela hasta" not in text
    assert "La tipificación ABO y RhD no suele verse afectada." in text and "no cambia" not in text
    # The English lines on the Spanish card's back name the medicine.
    assert "In English: isatuximab interferes with IAT" in text
    assert "Anti-CD38 class practice:" in text


def test_the_english_card_is_unchanged(client):
    text = pdf_text(client.post("/schedule/wallet-card/", {**CARD, "layout": "card"}))
    assert "Blood bank: anti-CD38 interference" in text


def test_the_pregnancy_page_keeps_for_and_says_handled(client, shipped):
    text = text_of(client.get("/es/learn/pregnancy-and-contraception/"))
    assert "Siga usándolo durante los 5 meses siguientes a la última dosis" in text
    assert "¿Cómo se manipulan las cápsulas?" in text
    assert "usándolo 5 meses después" not in text and "se tocan" not in text


@pytest.mark.parametrize("slug", ["pomalidomide", "lenalidomide"])
def test_stop_the_capsules_reads_stop_taking(client, shipped, slug):
    text = text_of(client.get(f"/es/learn/{slug}/"))
    assert "Deje de tomar las cápsulas y pida ayuda enseguida." in text
    assert "Deje las cápsulas" not in text


@pytest.mark.parametrize(
    ("slug", "hedge"),
    [
        ("infusion-day", "unas 35 de cada 100 personas tuvieron una"),
        ("infusion-day", "Puede ser mejor que otra persona le lleve a casa"),
        ("infections-and-vaccines", "cerca de 1 de cada 3 personas o más tuvo neumonía"),
        ("trial-results", "No pueden decirle con exactitud cómo le irá a usted."),
    ],
)
def test_the_english_hedges_are_back(client, shipped, slug, hedge):
    assert hedge in text_of(client.get(f"/es/learn/{slug}/"))


def test_the_help_box_says_goteo_not_suero(client, shipped):
    text = text_of(client.get("/es/learn/infusion-day/"))
    assert "señales de una reacción al goteo" in text and "reacción al suero" not in text


def test_the_handout_contracts_al_hospital(client):
    data = {**VALID, "format": "pdf", "clinic_name": "Hospital Central", "clinic_phone": "900"}
    text = pdf_text(client.post("/es/schedule/", data))
    assert "llame al Hospital Central al 900" in text and "llame a Hospital" not in text


def test_the_spanish_day_box_accepts_1_al_21(client):
    text = text_of(client.post("/es/schedule/", {**VALID, "days_isa-pd_pomalidomide_0": "1 al 21"}))
    assert "Calendario de tratamiento" in text or "ciclo 1" in text
    assert "no es un día" not in text


def test_the_glossary_lists_real_spellings_only(client, shipped):
    page = client.get("/es/glossary/").content.decode()
    entries = re.findall(r'<dt[^>]*id="([^"]+)".*?</dt>\s*<dd>(.*?)</dd>', page, re.S)
    by_slug = {slug: " ".join(re.sub(r"<[^>]+>", " ", dd).split()) for slug, dd in entries}
    also = re.search(r"También se escribe: ([^.]*)\.", by_slug["antibody"])
    assert not also or "anticuerpos" not in also.group(1)
    assert "Velcade" not in by_slug["bortezomib"].replace("Se vende como Velcade", "")
    assert "En inglés: Antibody" in by_slug["antibody"]
    # A plural is a search variant, not another spelling, in Spanish and in English.
    assert "anticuerpos monoclonales" not in by_slug["monoclonal-antibody"]
    assert "monoclonal antibodies" not in by_slug["monoclonal-antibody"]
    assert "En inglés: Monoclonal antibody ." in by_slug["monoclonal-antibody"]


def test_holidays_for_latin_america_the_us_and_spain_in_spanish():
    with translation.override("es"), speaking("es", translation.gettext):
        groups = dict(place_choices())
        keys = {key for options in groups.values() for key, _ in options}
        assert {"MX", "CO", "PE"} <= keys
        assert any(k.startswith("AR-") for k in keys) and any(k.startswith("CL-") for k in keys)
        assert any(k.startswith("US-") for k in keys) and any(k.startswith("ES-") for k in keys)
        assert place_name("GB-ENG") == "Inglaterra" and place_name("US-NY") == "Nueva York"
        labels = {label for options in groups.values() for _, label in options}
        assert "Inglaterra (Reino Unido)" in labels and "England (Reino Unido)" not in labels
        name = holiday_lookup("MX", range(2026, 2027))(dt.date(2026, 9, 16))
        assert name and "Independencia" in name


HOUSE_TERMS = ROOT / "docs" / "spanish-house-terms.md"
CATALOGUE = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"


def avoided_words() -> list[str]:
    """The 'Not' column of the house-terms table (words the Spanish edition does not use)."""
    rows = re.findall(r"^\|([^|]+)\|([^|]+)\|([^|]+)\|", HOUSE_TERMS.read_text(), re.M)
    words = []
    for _, _, avoid in rows[2:]:
        words += [w.strip().strip('«»"') for w in avoid.split(",") if w.strip() not in ("", "—")]
    return [w for w in words if w]


def spanish_texts() -> list[tuple[str, str]]:
    texts = [(str(p), p.read_text()) for p in (ROOT / "education/content/es").rglob("*.*")]
    texts += [(f"po:{e.msgid[:40]}", e.msgstr) for e in polib.pofile(str(CATALOGUE))]
    return texts


def test_the_house_terms_are_used_everywhere():
    words = avoided_words()
    assert "equipo de atención" in words and "nevera" in words
    for where, text in spanish_texts():
        for word in words:
            assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I), (where, word)
