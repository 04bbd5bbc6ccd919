"""Search in a real headless Chromium against the built site, served under a sub-path."""

from __future__ import annotations

import pytest

# (query, page that must be among the first three results)
QUERIES = {
    "sk": [
        ("zivnost", "business/trade-licence/"),
        ("živnostenský list", "business/trade-licence/"),
        ("prechodny pobyt", "residence/temporary-residence/"),
        ("trvaly pobyt", "residence/permanent-residence/"),
        ("zlúčenie rodiny", "family/family-reunification/"),
        ("podmienky občianstva", "citizenship/conditions/"),
        ("dvojake obcianstvo", "citizenship/dual-citizenship/"),
        ("modrá karta", "employment/eu-blue-card/"),
        ("sezonna praca", "employment/seasonal-work/"),
        ("žiadosť o dočasné útočisko", "temporary-protection/applying/"),
        ("poplatky za pobyt", "residence/fees/"),
        ("zdravotne poistenie", "living/health-insurance/"),
        ("materská škola", "education/school-for-children/"),
        ("uznanie diplomu", "education/recognition-of-education/"),
        ("tolerovany pobyt", "residence/tolerated-stay/"),
        ("sobáš", "family/marriage/"),
        ("minimalna mzda", "employment/rights-at-work/"),
        ("narodenie dieťaťa", "family/birth-of-a-child/"),
    ],
    "en": [
        ("work permit", "employment/single-permit/"),
        ("trade licence", "business/trade-licence/"),
        ("temporary residence", "residence/temporary-residence/"),
        ("permanent residence", "residence/permanent-residence/"),
        ("family reunification", "family/family-reunification/"),
        ("dual citizenship", "citizenship/dual-citizenship/"),
        ("blue card", "employment/eu-blue-card/"),
        ("seasonal work", "employment/seasonal-work/"),
        ("residence fees", "residence/fees/"),
        ("health insurance", "living/health-insurance/"),
        ("kindergarten", "education/school-for-children/"),
        ("tolerated stay", "residence/tolerated-stay/"),
        ("marriage", "family/marriage/"),
        ("limited company", "business/company/"),
        ("minimum wage", "employment/rights-at-work/"),
        ("domestic violence", "family/help-with-violence/"),
        ("child allowance", "family/family-benefits/"),
    ],
    "ru": [
        ("вид на жительство", "residence/temporary-residence/"),
        ("гражданства", "citizenship/"),
        ("постоянное проживание", "residence/permanent-residence/"),
        ("воссоединение семьи", "family/family-reunification/"),
        ("голубая карта", "employment/eu-blue-card/"),
        ("сезонная работа", "employment/seasonal-work/"),
        ("медицинская страховка", "living/health-insurance/"),
        ("детский сад", "education/school-for-children/"),
        ("допустимое проживание", "residence/tolerated-stay/"),
        ("брак", "family/marriage/"),
        ("минимальная зарплата", "employment/rights-at-work/"),
        ("пособие на ребёнка", "family/family-benefits/"),
        ("домашнее насилие", "family/help-with-violence/"),
        ("двойное гражданство", "citizenship/dual-citizenship/"),
        ("уставный капитал", "business/company/"),
        ("временная защита", "temporary-protection/"),
    ],
}
PREFIX = {"sk": "", "en": "en/", "ru": "ru/"}


def results(page, query: str) -> list[str]:
    box = page.locator("[data-site-search-input]")
    box.fill("")
    box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('[data-site-search-input]').value === q && "
        "document.querySelectorAll('.md-search-result__item').length > 0", arg=query,
        timeout=10000)
    page.wait_for_timeout(250)  # let a late debounced search settle
    return page.eval_on_selector_all(
        ".md-search-result__item > a:first-child", "els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize("lang", sorted(QUERIES))
def test_queries_find_the_right_page_in_the_same_language(page, served, lang):
    assert len(QUERIES[lang]) >= 15
    page.goto(served + PREFIX[lang])
    failures = []
    for query, expected in QUERIES[lang]:
        hrefs = results(page, query)
        want = "/sub/" + PREFIX[lang] + expected
        if want not in hrefs[:3]:
            failures.append(f"{query!r}: expected {want} in top 3, got {hrefs[:3]}")
        foreign = tuple(f"/sub/{p}" for code, p in PREFIX.items() if code != lang and p)
        others = [h for h in hrefs if not h.startswith("/sub/" + PREFIX[lang])
                  or h.startswith(foreign)]
        if others:
            failures.append(f"{query!r}: results from another language: {others}")
    assert failures == []


def test_done_when_zivnost_and_grazhdanstva(page, served):
    page.goto(served)
    assert results(page, "zivnost")[0] == "/sub/business/trade-licence/"
    page.goto(served + "ru/")
    assert "/sub/ru/citizenship/" in results(page, "гражданства")[:3]


def test_interface_text_in_page_language(page, served):
    page.goto(served + "ru/")
    box = page.locator("[data-site-search-input]")
    assert box.get_attribute("placeholder") == "Поиск"
    results(page, "брак")
    assert "Найдено" in page.text_content("[data-site-search-meta]")
    box.fill("ъъъъъъ")
    page.wait_for_function("document.querySelector('[data-site-search-meta]').textContent"
                           ".includes('Совпадений не найдено')", timeout=10000)


def test_nothing_search_related_loads_until_used(page, served):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served + "en/residence/fees/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "pagefind" in u or "search.js" in u]
    page.keyboard.press("/")
    page.wait_for_function("() => performance.getEntriesByType('resource')"
                           ".some(e => e.name.includes('pagefind'))", timeout=10000)


def test_keyboard(page, served):
    page.goto(served + "en/")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.matches('[data-site-search-input]')")
    assert page.locator("[data-site-search]").get_attribute("aria-label")
    page.keyboard.type("blue card")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    assert first and first.startswith("/sub/en/")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") != first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    page.keyboard.press("Enter")
    page.wait_for_url("**" + first.split("#")[0] + "**")
    page.goto(served + "en/")
    page.keyboard.press("/")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_search_hidden_without_javascript(browser, served):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served)
    assert not tab.locator("[data-site-search]").is_visible()
    assert not tab.locator(".site-search-button").is_visible()
    context.close()
