"""The governance admin pages and the feedback block in real Chromium: axe and keyboard."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from education.governance import rules as governance
from education.models import Page, PageFeedback
from tests.education.governance_helpers import editor, reviewer
from tests.second_factor import app_device, current_code

PASSWORD = "x" * 16
HARD = (
    "Immunosuppressive pharmacokinetic considerations necessitate individualised "
    "administration protocols throughout haematological malignancy management."
)


@pytest.fixture
def content(live_server):
    page = Page.objects.create(
        title="Infusion day", slug="infusion-day", summary="What happens on the day.",
        description="Infusion day.", body="You sit in a chair for the drip.",
        status=Page.Status.PUBLISHED, last_reviewed="2026-01-01", next_review_due="2026-12-01",
        reviewer="Nurse", show_help=True,
    )  # fmt: skip
    governance.record_published(page, "Shipped")
    author = editor("writer")
    draft = governance.apply_snapshot(page, {"body": f"You lie on a bed for the drip. {HARD}"})
    governance.save_draft(draft, author, "Bed instead of chair")
    PageFeedback.objects.create(path="/learn/infusion-day/", helpful=False, reason="hard")
    return page


def sign_in(page, username: str) -> None:
    """Password, then a real code from the person's authenticator app (the second factor)."""
    device = app_device(User.objects.get(username=username))
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/second-factor/verify/**")
    page.get_by_label("Code").fill(current_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/admin/")


def test_the_dashboard_preview_diff_and_approval_pages_have_no_axe_violations(
    page, axe_check, content
):
    reviewer("rita")
    sign_in(page, "rita")
    expect(page.get_by_role("heading", name="Review dashboard")).to_be_visible()
    expect(page.get_by_text("Bed instead of chair")).to_be_visible()
    axe_check(page)
    base = f"/admin/education/page/{content.pk}"
    urls = [
        f"{base}/history/",
        f"{base}/revisions/2/preview/",
        f"{base}/compare/?a=1&b=2",
        f"{base}/revisions/2/approve/",
        f"{base}/change/",
        "/admin/education/pagefeedback/",
    ]
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        axe_check(page)
    page.goto(f"{base}/compare/?a=1&b=2")
    expect(page.locator("del", has_text="[-sit-]")).to_have_count(1)
    expect(page.locator("ins", has_text="{+lie+}")).to_have_count(1)


def test_the_preview_prints_like_the_public_page(page, content):
    reviewer("rita")
    sign_in(page, "rita")
    page.goto(f"/admin/education/page/{content.pk}/revisions/2/preview/")
    expect(page.get_by_text("Sentences above grade 10")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.get_by_text("You lie on a bed")).to_be_visible()
    expect(page.get_by_role("heading", name="When to get help")).to_be_visible()


def test_a_reviewer_approves_in_the_browser_and_the_public_page_changes(page, content, browser):
    reviewer("rita", public_role="Myeloma nurse")  # name and role come from the profile
    sign_in(page, "rita")
    page.goto(f"/admin/education/page/{content.pk}/revisions/2/approve/")
    expect(page.get_by_text("Rita Reviewer (Myeloma nurse)")).to_be_visible()
    page.get_by_label("I have read this revision").check()
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.get_by_text("is approved and published")).to_be_visible()
    public = browser.new_context(
        service_workers="block", base_url=page.url.split("/admin/")[0]
    ).new_page()
    public.goto("/learn/infusion-day/")
    expect(public.get_by_text("You lie on a bed")).to_be_visible()
    expect(public.get_by_text("Rita Reviewer (Myeloma nurse)")).to_be_visible()
    public.context.close()


def test_the_feedback_block_has_no_axe_violations_and_works_by_keyboard(page, axe_check, content):
    page.goto("/learn/infusion-day/")
    block = page.locator("section.feedback")
    expect(block.get_by_role("heading", name="Was this page helpful?")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Yes").focus()
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("No")
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/")
    expect(page.get_by_role("group", name="What was wrong with the page?")).to_be_visible()
    axe_check(page)
    page.get_by_label("It looked out of date").focus()
    page.keyboard.press("Space")
    expect(page.get_by_label("It looked out of date")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Send")
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/thanks/**")
    expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    axe_check(page)
    latest = PageFeedback.objects.order_by("-pk").first()
    assert (latest.path, latest.helpful, latest.reason) == (
        "/learn/infusion-day/",
        False,
        "outdated",
    )
    assert latest.revision == governance.published_revision(content)
    assert page.context.cookies() == []


def test_the_feedback_block_works_without_javascript(browser, live_server, content):
    context = browser.new_context(
        service_workers="block", base_url=live_server.url, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/checklist/")
        page.get_by_role("button", name="Yes").click()
        page.wait_for_url("**/feedback/thanks/**")
        expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
        assert PageFeedback.objects.filter(path="/checklist/", helpful=True).count() == 1
        assert context.cookies() == []
    finally:
        context.close()


def test_a_stale_save_shows_the_difference_accessibly_and_keeps_the_edit(page, axe_check, content):
    editor("anna")
    sign_in(page, "anna")
    page.goto(f"/admin/education/page/{content.pk}/change/")
    page.get_by_label("Body").fill("Anna's new words for the drip.")
    page.get_by_label("Change summary").fill("Anna's edit")
    fresh = governance.apply_snapshot(Page.objects.get(pk=content.pk), {"body": "Ben's words."})
    governance.save_draft(fresh, editor("ben"), "Ben's edit", base=2)  # saved meanwhile
    page.get_by_role("button", name="Save", exact=True).click()
    alert = page.locator(".governance-stale")
    alert.wait_for()
    expect(alert.get_by_text("Someone changed this since you opened it.")).to_be_visible()
    expect(alert.locator("ins", has_text="Ben's")).to_have_count(1)
    expect(page.get_by_label("Body")).to_have_value("Anna's new words for the drip.")
    axe_check(page)


def test_enrolment_and_the_code_page_have_no_axe_violations(page, axe_check, live_server):
    """The enrolment QR code (inline SVG, drawn on the server) scans to the device's address."""
    import io

    import zxingcpp
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from PIL import Image

    reviewer("newcomer")
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("newcomer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/second-factor/enrol/**")
    qr = page.get_by_role("img", name="QR code for your app")
    device = TOTPDevice.objects.get(user__username="newcomer", confirmed=False)
    picture = Image.open(io.BytesIO(qr.screenshot()))
    assert [code.text for code in zxingcpp.read_barcodes(picture)] == [device.config_url]
    axe_check(page)
    page.get_by_label("Code").fill("000000" if current_code(device) != "000000" else "111111")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("That code did not work")).to_be_visible()
    axe_check(page)
    device.throttle_reset()
    page.get_by_label("Code").fill(current_code(device))
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    axe_check(page)
    page.get_by_role("link", name="continue to the admin").click()
    expect(page.get_by_role("heading", name="Review dashboard")).to_be_visible()


def test_a_reviewer_confirms_a_reviewer_role_request_by_keyboard(page, axe_check, live_server):
    """The request page a second reviewer uses to confirm a new reviewer: axe-clean, keyboard."""
    from education.governance import grants
    from education.governance.roles import REVIEWERS
    from tests.education.governance_helpers import administrator

    newcomer = editor("newcomer")
    grant = grants.ask(newcomer, administrator("boss"))
    reviewer("rita")
    sign_in(page, "rita")
    link = page.get_by_role("link", name="newcomer (Eddie Editor)")
    expect(link).to_be_visible()
    axe_check(page)  # the dashboard with a waiting request
    link.click()
    page.wait_for_url(f"**/reviewergrant/{grant.pk}/decide/")
    axe_check(page)
    box = page.get_by_label("I know this person, and they should approve clinical wording")
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("newcomer is now a clinical reviewer")).to_be_visible()
    axe_check(page)
    assert newcomer.groups.filter(name=REVIEWERS).exists()
