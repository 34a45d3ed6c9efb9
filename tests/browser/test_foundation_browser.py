import pytest
from playwright.sync_api import expect


def test_it_has_no_axe_violations_on_the_home_page(page, axe_check):
    page.goto("/")
    expect(page.locator("h1")).to_have_count(1)
    axe_check(page)


def test_it_has_no_axe_violations_on_the_404_page(page, axe_check):
    response = page.goto("/no-such-page/")
    assert response.status == 404
    expect(page.locator("h1")).to_contain_text("Page not found", use_inner_text=True)
    axe_check(page)


def test_it_loads_local_css_and_nothing_from_elsewhere(page, live_server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/")
    assert any(url.endswith("bootstrap.min.css") for url in requested)
    assert all(url.startswith(live_server.url) for url in requested), requested
    font_size = page.evaluate("getComputedStyle(document.body).fontSize")
    assert float(font_size.removesuffix("px")) >= 18


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()


@pytest.mark.parametrize("width", [320, 1280])
def test_it_does_not_scroll_sideways(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
