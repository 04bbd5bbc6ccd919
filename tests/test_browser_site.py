"""The site as a reader uses it, in headless Chromium."""

from __future__ import annotations


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
