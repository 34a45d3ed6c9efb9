"""The offline web app in real Chromium: kept pages open without a network, the tools say they
need one, an edit reaches the offline copy after one online visit, nothing typed is kept."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from education.cache import current_version, forget_version
from education.models import Page

pytestmark = pytest.mark.service_worker

BLOOD_BANK_HEADING = "For blood banks and emergency staff"
SECRET_NAME = "Quillonia Brackenridge"
SECRET_CENTRE = "Vexholm Infusion Suite"
START = timezone.localdate() + datetime.timedelta(days=3)


@pytest.fixture
def content(live_server):
    call_command("load_initial_content", stdout=StringIO())
    return list(Page.objects.published())


def cache_names(page) -> list[str]:
    return page.evaluate("caches.keys()")


def wait_for_offline_copies(page, version: int) -> None:
    """Wait until the worker for `version` controls the page and alone holds the copies."""
    check = """async (wanted) => {
        await navigator.serviceWorker.ready;
        const names = await caches.keys();
        return navigator.serviceWorker.controller !== null
            && names.length === 1 && names[0].includes("-v" + wanted + "-");
    }"""
    for _ in range(100):
        if page.evaluate(check, version):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"no offline copies for content version {version}: {cache_names(page)}")


def kept_copies(page) -> dict[str, str]:
    """Every response the worker keeps, by path, with its text."""
    return page.evaluate(
        """async () => {
            const out = {};
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                    const response = await cache.match(request);
                    out[new URL(request.url).pathname] = await response.text();
                }
            }
            return out;
        }"""
    )


def current() -> int:
    forget_version()
    return current_version()


def test_kept_pages_open_offline_and_tools_say_they_need_a_connection(page, content):
    page.goto("/")
    wait_for_offline_copies(page, current())
    learn_page = next(p for p in content if p.slug == "side-effects")
    page.context.set_offline(True)
    for url, heading in [
        (learn_page.get_absolute_url(), learn_page.title),
        ("/get-help/", "When to get help"),
        ("/for-blood-banks/", BLOOD_BANK_HEADING),
        ("/checklist/", "Do's and don'ts"),
        ("/glossary/", "Glossary of medical words"),
        ("/learn/", "Learn about isatuximab"),
    ]:
        page.goto(url)
        expect(page.locator("h1"), url).to_have_text(heading, use_inner_text=True)
    assert (
        "stylesheet"
        and page.evaluate(  # the kept CSS styles the page offline too
            "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
        )
        == "rgb(0, 94, 184)"
    )
    for tool in ("/schedule/", "/schedule/wallet-card/"):
        page.goto(tool)
        expect(page.locator("h1"), tool).to_have_text(
            "This needs a connection", use_inner_text=True
        )
    page.goto("/search/?q=fever")
    expect(page.locator("h1")).to_have_text("You are offline", use_inner_text=True)
    page.goto("/get-help/")
    page.get_by_role("button", name="Yes").click()  # page feedback is a form, sent offline
    expect(page.locator("h1")).to_have_text("You are offline", use_inner_text=True)


def test_a_tool_form_sent_offline_says_it_needs_a_connection(page, content):
    page.goto("/schedule/wallet-card/")
    wait_for_offline_copies(page, current())
    page.locator("#id_name").fill(SECRET_NAME)
    page.context.set_offline(True)
    page.get_by_role("button", name="Make my card").click()
    expect(page.locator("h1")).to_have_text("This needs a connection", use_inner_text=True)


def test_an_edit_reaches_the_offline_copy_after_one_online_visit(page, content):
    page.goto("/")
    wait_for_offline_copies(page, current())
    target = Page.objects.get(slug="infusion-day", language="en")
    target.summary = "Edited: bring a snack and a book to your infusion."
    target.last_reviewed = datetime.date(2026, 11, 25)
    target.save()
    page.context.set_offline(True)
    page.goto(target.get_absolute_url())
    # The old copy, from the cache.
    expect(page.locator("main")).not_to_contain_text("Edited:", use_inner_text=True)
    page.context.set_offline(False)
    page.goto("/get-help/")  # one online visit to any page, not the edited one
    wait_for_offline_copies(page, current())
    page.context.set_offline(True)
    page.goto(target.get_absolute_url())
    expect(page.locator("main")).to_contain_text("Edited: bring a snack", use_inner_text=True)


def test_nothing_typed_into_the_tools_is_kept(page, content):
    page.goto("/")
    wait_for_offline_copies(page, current())
    page.goto("/schedule/wallet-card/")
    page.locator("#id_name").fill(SECRET_NAME)
    page.locator("#id_centre").fill(SECRET_CENTRE)
    page.locator("#id_output_1").check()  # the card to print (the picture is the first choice)
    with page.expect_download():
        page.get_by_role("button", name="Make my card").click()
    page.goto("/schedule/")
    page.locator("#id_regimen").select_option("isa-kd")
    page.locator("#id_weight").fill("71.5")
    page.locator("#id_weight_unit_0").check()  # no unit is chosen until the person chooses one
    page.locator("#id_start_date").fill(START.isoformat())
    page.get_by_role("button", name="Make my calendar").click()
    expect(page.locator("h1")).to_have_text("Your treatment calendar", use_inner_text=True)
    copies = kept_copies(page)
    assert "/get-help/" in copies and "/for-blood-banks/" in copies
    for path, text in copies.items():
        assert not path.startswith("/schedule/"), path
        for secret in (SECRET_NAME, SECRET_CENTRE, "71.5", START.isoformat()):
            assert secret not in text, (path, secret)


def test_the_offline_pages_have_no_axe_violations(page, axe_check, content):
    for url in ("/offline/", "/offline/tools/"):
        page.goto(url)
        expect(page.locator("h1")).to_have_count(1)
        axe_check(page)


def test_spanish_pages_are_kept_and_spanish_addresses_get_the_spanish_notices(page, content):
    page.goto("/es/")
    wait_for_offline_copies(page, current())
    spanish = next(p for p in content if p.slug == "side-effects" and p.language == "es")
    page.context.set_offline(True)
    for url, heading in [
        (spanish.get_absolute_url(), spanish.title),
        ("/es/get-help/", "Cuándo pedir ayuda"),
        ("/es/checklist/", "Qué hacer y qué no hacer"),
        ("/es/schedule/", "Esto necesita conexión"),
        ("/es/schedule/wallet-card/", "Esto necesita conexión"),
        ("/es/search/?q=fiebre", "No tiene conexión"),
        ("/search/?q=fever", "You are offline"),  # English addresses keep the English notice
        ("/schedule/", "This needs a connection"),
    ]:
        page.goto(url)
        expect(page.locator("h1"), url).to_have_text(heading, use_inner_text=True)
        assert page.locator("html").get_attribute("lang") == (
            "es" if url.startswith("/es/") else "en-GB"
        ), url


def test_the_spanish_offline_pages_have_no_axe_violations(page, axe_check, content):
    for url in ("/es/offline/", "/es/offline/tools/"):
        page.goto(url)
        assert page.locator("main").get_attribute("lang") is None
        axe_check(page)
