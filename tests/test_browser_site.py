"""The site as a reader uses it, in headless Chromium."""

from __future__ import annotations

from conftest import tab_until


def test_language_switcher_keeps_the_page(page, served):
    page.goto(served + "residence/fees/")
    assert page.evaluate("document.documentElement.lang") == "sk"
    page.hover(".md-select")
    page.click('a.md-select__link[hreflang="en"]')
    page.wait_for_url("**/sub/en/residence/fees/")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.hover(".md-select")
    page.click('a.md-select__link[hreflang="ru"]')
    page.wait_for_url("**/sub/ru/residence/fees/")
    assert page.evaluate("document.documentElement.lang") == "ru"


def test_missing_page_shows_404_in_language(page, served):
    response = page.goto(served + "en/404.html")
    assert response.ok
    assert page.evaluate("document.documentElement.lang") == "en"
    page.click("text=Go to the home page")
    page.wait_for_url("**/sub/en/")


def test_guide_shows_review_dates_on_a_phone(browser, served):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    tab = context.new_page()
    for prefix, word in (("", "Naposledy overené"), ("en/", "Last reviewed"),
                         ("ru/", "Последняя проверка")):
        tab.goto(served + prefix + "residence/temporary-residence/")
        box = tab.locator(".guide-review")
        assert box.is_visible()
        assert word in box.text_content()
        assert tab.locator(".guide-sources li").count() > 0
    context.close()


def test_skip_link_is_first_and_visible_on_focus(page, served):
    page.goto(served + "en/residence/fees/")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert skip.is_visible()
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target[target.index("#"):]


def test_language_switcher_works_with_the_keyboard(page, served):
    page.goto(served + "en/residence/fees/")
    tab_until(page, ".md-select button, .md-select [tabindex]")
    tab_until(page, 'a.md-select__link[hreflang="ru"]')
    assert page.locator('a.md-select__link[hreflang="ru"]').is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/sub/ru/residence/fees/")


def test_phone_menu_and_search_open_with_the_keyboard(browser, served):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    tab = context.new_page()
    tab.goto(served + "ru/residence/fees/")
    tab_until(tab, 'button[for="__drawer"]')
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.getElementById('__drawer').checked")
    assert tab.locator('button[for="__drawer"]').get_attribute("aria-expanded") == "true"
    assert tab.locator(".md-nav--primary").first.is_visible()
    tab.keyboard.press("Escape")
    tab.goto(served + "ru/residence/fees/")
    tab_until(tab, "button.site-search-button")
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.getElementById('__search').checked")
    tab.wait_for_function("document.activeElement.matches('[data-site-search-input]')", timeout=3000)
    tab.keyboard.type("pobyt")
    tab.wait_for_selector(".md-search-result__item a", timeout=10000)
    context.close()
