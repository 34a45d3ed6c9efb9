"""Phone-first layout in real Chromium: header height, heading in view, the no-JavaScript menu
by keyboard, focus rings, tap sizes and hint text on the forms."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from education.models import Page

PHONE = {"width": 375, "height": 667}
PAGES = ["/", "/learn/", "/learn/side-effects/", "/checklist/", "/glossary/", "/get-help/",
         "/search/?q=fever", "/diary/", "/schedule/", "/schedule/wallet-card/"]  # fmt: skip
FORM_PAGES = ["/schedule/", "/schedule/wallet-card/", "/checklist/", "/diary/"]


@pytest.fixture
def content(live_server):
    call_command("load_initial_content", stdout=StringIO())
    return list(Page.objects.published())


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(service_workers="block", base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def _relative_luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    high, low = sorted((_relative_luminance(a), _relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rgb(css_color: str) -> tuple[float, ...]:
    """A computed CSS colour as (r, g, b), a translucent one blended over white."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", css_color)]
    red, green, blue, alpha = [*numbers, 1.0][:4]
    return tuple(alpha * c + (1 - alpha) * 255 for c in (red, green, blue))


def test_the_header_takes_at_most_a_quarter_of_a_phone_screen(phone, content):
    heights = {}
    for url in PAGES:
        assert phone.goto(url).status == 200, url
        header = phone.locator("header.site-header").bounding_box()
        heights[url] = header["height"]
        assert header["height"] <= PHONE["height"] / 4, (url, header)
        h1 = phone.locator("h1").bounding_box()
        assert h1["y"] >= header["height"] and h1["y"] + h1["height"] <= PHONE["height"], url
        assert phone.evaluate("window.scrollY") == 0
    print("header heights at 375x667:", heights)


def test_the_phone_header_shows_get_help_search_and_a_closed_menu(phone, content):
    phone.goto("/learn/")
    expect(phone.get_by_role("link", name="Get help now")).to_be_visible()
    expect(phone.locator("summary.site-menu__toggle")).to_be_visible()
    expect(phone.get_by_role("navigation", name="Main")).to_be_hidden()
    # Issue 24: search is in the phone header itself, not hidden in the menu.
    expect(phone.get_by_role("searchbox", name="Search this site")).to_be_visible()


def test_the_menu_works_by_keyboard_alone(phone, content):
    phone.goto("/")
    stops = []
    for _ in range(4):
        phone.keyboard.press("Tab")
        stops.append(phone.evaluate("document.activeElement.textContent.trim()"))
    assert stops == [
        "Skip to main content",
        "Isatuximab treatment guide",
        "☎ Get help now",
        "Menu",
    ]
    phone.keyboard.press("Enter")
    nav = phone.get_by_role("navigation", name="Main")
    expect(nav).to_be_visible()
    phone.keyboard.press("Tab")
    expect(phone.locator(":focus")).to_have_text("Learn")
    for _ in range(6):  # Checklist, calendar, alert card, glossary, blood banks, then search
        phone.keyboard.press("Tab")
    expect(phone.locator(":focus")).to_have_attribute("aria-label", "Search this site")
    phone.keyboard.type("fever")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/search/?q=fever")
    expect(phone.locator("h1")).to_have_text("Search", use_inner_text=True)
    phone.keyboard.press("Tab")  # skip link
    phone.keyboard.press("Tab")  # site name
    phone.keyboard.press("Tab")  # get help
    phone.keyboard.press("Tab")  # menu
    phone.keyboard.press("Space")
    expect(nav).to_be_visible()
    phone.keyboard.press("Space")
    expect(nav).to_be_hidden()


def test_the_menu_works_without_javascript(browser, live_server, content):
    context = browser.new_context(
        service_workers="block", base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/")
    page.locator("summary.site-menu__toggle").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Checklist").click()
    expect(page.locator("h1")).to_have_text("Do's and don'ts", use_inner_text=True)
    context.close()


def test_the_phone_pages_have_no_axe_violations_with_the_menu_open(phone, axe_check, content):
    for url in ["/", "/learn/side-effects/", "/diary/", "/search/?q=dex"]:
        phone.goto(url)
        axe_check(phone)
        phone.locator("summary.site-menu__toggle").click()
        axe_check(phone)


def test_wide_screens_show_the_links_and_search_without_a_menu(page, content):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_role("searchbox", name="Search this site")).to_be_visible()
    expect(page.locator("summary.site-menu__toggle")).to_be_hidden()
    assert page.locator("header.site-header").bounding_box()["height"] < 200


@pytest.mark.parametrize("url", FORM_PAGES)
def test_fields_radios_and_checkboxes_get_a_strong_focus_ring(phone, content, url):
    phone.goto(url)
    fields = phone.locator(
        "main input:not([type=hidden]):visible, main select:visible, main textarea:visible"
    )
    expect(fields.first).to_be_attached()
    for index in range(fields.count()):
        field = fields.nth(index)
        field.focus()
        style = field.evaluate(
            """el => { const s = getComputedStyle(el); let p = el.parentElement, bg;
                 do { bg = getComputedStyle(p).backgroundColor; p = p.parentElement; }
                 while (p && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent'));
                 return {style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                         color: s.outlineColor, background: bg || 'rgb(255, 255, 255)'}; }"""
        )
        assert style["style"] != "none" and style["width"] >= 2, (url, index, style)
        ratio = contrast(rgb(style["color"]), rgb(style["background"]))
        assert ratio >= 3, (url, index, style, ratio)


@pytest.mark.parametrize("url", [*FORM_PAGES, "/learn/infusion-day/", "/questions/"])
def test_radios_and_checkboxes_are_at_least_40_px_to_tap(phone, content, url):
    phone.goto(url)
    boxes = phone.locator("main input[type=radio], main input[type=checkbox]")
    for index in range(boxes.count()):
        box = boxes.nth(index)
        box.evaluate(
            "el => (el.labels[0] || el).scrollIntoView({block: 'center', behavior: 'instant'})"
        )
        area = box.evaluate(
            """el => { const rects = [el, ...el.labels].map(e => e.getBoundingClientRect());
                 const top = Math.min(...rects.map(r => r.top)),
                       bottom = Math.max(...rects.map(r => r.bottom)),
                       left = Math.min(...rects.map(r => r.left)),
                       right = Math.max(...rects.map(r => r.right));
                 return {top, bottom, left, right}; }"""
        )
        assert area["bottom"] - area["top"] >= 40, (url, index, area)
        assert area["right"] - area["left"] >= 40, (url, index, area)
        before = box.is_checked()
        # Tap the bottom-left corner of the target, just beside the box itself.
        phone.mouse.click(area["left"] + 2, area["bottom"] - 2)
        if box.get_attribute("type") == "checkbox" or not before:
            assert box.is_checked() != before, (url, index)


@pytest.mark.parametrize("url", ["/schedule/", "/schedule/wallet-card/"])
def test_hint_text_is_normal_weight_and_readable(phone, content, url):
    phone.goto(url)
    hints = phone.locator("main .form-text")
    expect(hints.first).to_be_attached()
    for index in range(hints.count()):
        style = hints.nth(index).evaluate(
            "el => ({weight: getComputedStyle(el).fontWeight, color: getComputedStyle(el).color})"
        )
        assert int(style["weight"]) == 400
        assert contrast(rgb(style["color"]), (255, 255, 255)) >= 4.5


@pytest.mark.parametrize(
    "url",
    [*FORM_PAGES, "/learn/infusion-day/", "/get-help/", "/questions/", "/es/get-help/"],
)
def test_no_radio_or_checkbox_covers_the_words_of_its_label(phone, content, url):
    """The label may reach back under its box (a bigger target), but its words start after the
    box: in the self-check and the question builder the box once hid their first letters."""
    phone.goto(url)
    boxes = phone.locator("main input[type=radio], main input[type=checkbox]")
    expect(boxes.first).to_be_attached()
    for index in range(boxes.count()):
        box = boxes.nth(index)
        if not box.is_visible():
            continue
        gap = box.evaluate(
            """el => { const label = el.labels && el.labels[0];
                 if (!label) return null;
                 const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT,
                   {acceptNode: n => n.textContent.trim() ? NodeFilter.FILTER_ACCEPT
                                                          : NodeFilter.FILTER_SKIP});
                 const text = walker.nextNode();
                 if (!text) return null;
                 const range = document.createRange();
                 const start = text.textContent.search(/\\S/);
                 range.setStart(text, start); range.setEnd(text, start + 1);
                 const words = range.getBoundingClientRect(), own = el.getBoundingClientRect();
                 const sameLine = words.top < own.bottom && words.bottom > own.top;
                 return sameLine ? words.left - own.right : 99; }"""
        )
        assert gap is None or gap >= 0, (url, index, gap)


@pytest.mark.parametrize("url", [*FORM_PAGES, "/learn/infusion-day/", "/questions/"])
def test_an_empty_radio_or_checkbox_has_an_edge_you_can_see(phone, content, url):
    """WCAG 1.4.11: the edge of an unticked box is at least 3:1 against the page."""
    phone.goto(url)
    boxes = phone.locator("main input[type=radio]:not(:checked), main input[type=checkbox]")
    expect(boxes.first).to_be_attached()
    for index in range(boxes.count()):
        style = boxes.nth(index).evaluate(
            """el => { const s = getComputedStyle(el);
                 let node = el.parentElement, bg = 'rgba(0, 0, 0, 0)';
                 while (node && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg)) {
                   bg = getComputedStyle(node).backgroundColor; node = node.parentElement; }
                 return {edge: s.borderTopColor, width: s.borderTopWidth,
                         page: /rgba\\(0, 0, 0, 0\\)/.test(bg) ? 'rgb(255, 255, 255)' : bg}; }"""
        )
        ratio = contrast(rgb(style["edge"]), rgb(style["page"]))
        assert ratio >= 3 and float(style["width"].rstrip("px")) >= 1, (url, index, style)
