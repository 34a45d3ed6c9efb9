"""The wallet-card form in real Chromium: accessible, usable with the keyboard alone."""

from playwright.sync_api import expect
from pypdf import PdfReader

URL = "/schedule/wallet-card/"


def test_the_empty_form_has_no_axe_violations(page, axe_check):
    page.goto(URL)
    expect(page.locator("h1")).to_have_text("Blood transfusion alert card", use_inner_text=True)
    axe_check(page)


def test_the_error_state_has_no_axe_violations(page, axe_check):
    page.goto(URL)
    page.locator("#id_centre_phone").fill("call me")
    page.locator("#id_contact_phone").fill("12")
    page.locator("#id_last_dose_date").fill("2099-01-01")
    page.get_by_role("button", name="Make my card").click()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Use only numbers", use_inner_text=True)
    expect(summary).to_contain_text("cannot be in the future", use_inner_text=True)
    expect(page.locator("#id_last_dose_date_error")).to_contain_text("cannot be in the future")
    summary.get_by_role("link", name="Treatment centre 24-hour phone").click()
    expect(page.locator("#id_centre_phone")).to_be_focused()
    axe_check(page)


def tab_to(page, element_id: str) -> None:
    for _ in range(40):
        if page.evaluate("document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def date_keys(page, year: str, month: str, day: str) -> str:
    """The digits to type into a date field, in the browser locale's order (e.g. mm dd yyyy)."""
    order = page.evaluate(
        "new Intl.DateTimeFormat().formatToParts(new Date(2026, 0, 5))"
        ".filter(p => p.type !== 'literal').map(p => p.type)"
    )
    parts = {"year": year, "month": month, "day": day}
    return "".join(parts[name] for name in order)


def test_a_keyboard_user_fills_the_form_and_downloads_the_card(page, tmp_path):
    page.goto(URL)
    tab_to(page, "id_output_0")  # the phone picture is the first choice, chosen at first
    page.keyboard.press("ArrowDown")  # the card to print
    expect(page.locator("#id_output_1")).to_be_checked()
    tab_to(page, "id_name")
    page.keyboard.type("Zoë Ångström")
    tab_to(page, "id_blood_group")
    page.keyboard.type("O RhD neg")  # type-ahead picks the option
    tab_to(page, "id_start_date")
    page.keyboard.type(date_keys(page, "2026", "01", "05"))
    expect(page.locator("#id_start_date")).to_have_value("2026-01-05")
    tab_to(page, "id_centre")
    page.keyboard.type("City Hospital")
    page.keyboard.press("Tab")
    page.keyboard.type("+1 (555) 010-0000")
    tab_to(page, "id_paper_0")
    page.keyboard.press("ArrowDown")  # US Letter
    tab_to(page, "id_layout_0")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_attribute("type", "submit")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "isatuximab-alert-card.pdf"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    reader = PdfReader(target)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    text = " ".join(reader.pages[0].extract_text().split())
    for value in ("Zoë Ångström", "O RhD negative", "5 Jan 2026", "City Hospital", "010-0000"):
        assert value in text
    assert "/for-blood-banks/" in text


def test_the_picture_button_shows_the_card_as_a_phone_image(page, monkeypatch):
    import datetime as dt
    import io

    import zxingcpp
    from django.utils import timezone
    from PIL import Image

    monkeypatch.setattr(timezone, "localdate", lambda *args: dt.date(2026, 3, 10))
    page.goto(URL)
    page.locator("#id_name").fill("Zoë Ångström")
    page.locator("#id_last_dose_date").fill("2026-03-02")
    expect(page.locator("#id_output_0")).to_be_checked()  # the picture: the first, default choice
    button = page.get_by_role("button", name="Make my card")
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        button.click()
    response = answer.value
    assert response.header_value("content-type") == "image/png"
    image = Image.open(io.BytesIO(response.body()))
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [
        page.url.replace("/schedule/wallet-card/", "/for-blood-banks/")
    ]
    page.wait_for_function("document.images.length === 1 && document.images[0].complete")
    assert page.evaluate("document.images[0].naturalWidth") == 1080  # shown, ready to save
