"""Search in a real headless Chromium against the built site, served under a sub-path.

One browser tab is reused for every query of a module (a page load per language, not
per query). The ~300 queries of the tables ask search.js for its ranking directly
(`listed`), a few milliseconds each; typing a query into the box costs a third of a
second of waiting (the box waits for the reader to pause) and drawing. A sample of them
is typed into the box and must list the same pages (`test_ranking_is_what_the_box_shows`),
and the other tests drive the box itself."""

from __future__ import annotations

import json

import pytest

from conftest import REPO
from scripts.siteconfig import load_site_config

# Keyword queries: (query, page that must be among the first three results).
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
    "uk": [
        ("тимчасовий притулок", "temporary-protection/"),
        ("тимчасове перебування", "residence/temporary-residence/"),
        ("постійне перебування", "residence/permanent-residence/"),
        ("громадянства", "citizenship/"),
        ("возз'єднання сім'ї", "family/family-reunification/"),
        ("блакитна карта", "employment/eu-blue-card/"),
        ("сезонна робота", "employment/seasonal-work/"),
        ("медичне страхування", "living/health-insurance/"),
        ("дитячий садок", "education/school-for-children/"),
        ("допустиме перебування", "residence/tolerated-stay/"),
        ("шлюб", "family/marriage/"),
        ("мінімальна зарплата", "employment/rights-at-work/"),
        ("допомога на дитину", "family/family-benefits/"),
        ("домашнє насильство", "family/help-with-violence/"),
        ("подвійне громадянство", "citizenship/dual-citizenship/"),
        ("статутний капітал", "business/company/"),
    ],
}

# Typed the way people ask: questions, declined forms, everyday words, no diacritics,
# typos. (query, page that must be among the first three results). A new language is a
# new key here; its home page prefix comes from mkdocs.yml.
ASKED = {
    "sk": [
        ("ako požiadať o azyl", "residence/asylum/"),
        ("zamietli mi pobyt, čo teraz", "residence/appeals-and-legal-aid/"),
        ("odchádzam zo Slovenska navždy", "residence/leaving-slovakia/"),
        ("rozvod s cudzincom", "family/divorce-and-custody/"),
        ("dostal som výpoveď z práce", "employment/losing-a-job/"),
        ("ako podať daňové priznanie", "employment/taxes-for-employees/"),
        ("nárok na dôchodok zo Sociálnej poisťovne", "living/social-security/"),
        ("ako si nájsť všeobecného lekára", "living/healthcare/"),
        ("výmena vodičského preukazu", "living/driving/"),
        ("ako si aktivovať elektronickú schránku", "living/e-government/"),
        ("diskriminácia v práci", "living/discrimination/"),
        # questions
        ("ako si predĺžim prechodný pobyt", "residence/renewal-and-changes/"),
        ("potrebujem víza na Slovensko", "residence/entry-and-visas/"),
        ("koľko stojí prechodný pobyt", "residence/fees/"),
        ("kolko stoji prechodny pobyt", "residence/fees/"),
        ("ako si založiť firmu", "business/company/"),
        ("ako získať slovenské občianstvo", "citizenship/conditions/"),
        ("môžem mať dve občianstva", "citizenship/dual-citizenship/"),
        ("ako prihlásiť dieťa do školy", "education/school-for-children/"),
        ("čo mám urobiť po príchode na Slovensko", "living/first-steps/"),
        ("kde nájdem prácu", "employment/finding-a-job/"),
        ("ako si nájsť prácu na Slovensku", "employment/finding-a-job/"),
        ("zamestnávateľ mi neplatí výplatu", "employment/rights-at-work/"),
        ("čo robiť pri domácom násilí", "family/help-with-violence/"),
        ("ako sa oženiť na Slovensku", "family/marriage/"),
        ("ako si priviesť rodinu", "family/family-reunification/"),
        ("stratil som kartu pobytu", "residence/renewal-and-changes/"),
        ("ako si uznať diplom", "education/recognition-of-education/"),
        ("kde sa naučiť po slovensky", "education/slovak-language/"),
        ("aké sú moje práva s dočasným útočiskom", "temporary-protection/rights/"),
        ("ako požiadať o dočasné útočisko", "temporary-protection/applying/"),
        ("koľko stojí živnosť", "business/trade-licence/"),
        ("aké dane platí živnostník", "business/taxes-and-insurance/"),
        # declined and conjugated forms
        ("živnostníka", "business/trade-licence/"),
        ("živnosti", "business/trade-licence/"),
        ("prechodného pobytu", "residence/temporary-residence/"),
        ("trvalého pobytu", "residence/permanent-residence/"),
        ("zlúčení rodiny", "family/family-reunification/"),
        ("občianstvom", "citizenship/"),
        ("sobáše", "family/marriage/"),
        ("zdravotnom poistení", "living/health-insurance/"),
        ("modrej karty", "employment/eu-blue-card/"),
        ("sezónnej práce", "employment/seasonal-work/"),
        ("tolerovaného pobytu", "residence/tolerated-stay/"),
        ("predĺženie pobytu", "residence/renewal-and-changes/"),
        # everyday words
        ("eseročka", "business/company/"),
        ("materská dovolenka", "family/family-benefits/"),
        ("prídavky na deti", "family/family-benefits/"),
        ("škôlka", "education/school-for-children/"),
        ("trvalka", "residence/permanent-residence/"),
        ("pracovné povolenie", "employment/single-permit/"),
        ("podnájom", "living/housing/"),
        ("záchranka", "living/emergency/"),
        ("odídenci", "temporary-protection/applying/"),
        ("výpoveď z práce", "employment/changing-job/"),
        ("nostrifikácia", "education/recognition-of-education/"),
        # without diacritics, typos
        ("zivnostnik", "business/trade-licence/"),
        ("obcianstvo deti", "citizenship/children/"),
        ("zdravotne poistenie", "living/health-insurance/"),
        ("narodenie dietata", "family/birth-of-a-child/"),
        ("skolka", "education/school-for-children/"),
        ("prechodni pobyt", "residence/temporary-residence/"),
        ("obcianstvi", "citizenship/"),
        ("dvojite obcianstvo", "citizenship/dual-citizenship/"),
    ],
    "en": [
        ("how do I apply for asylum", "residence/asylum/"),
        ("my residence was refused what can I do", "residence/appeals-and-legal-aid/"),
        ("I am leaving Slovakia for good", "residence/leaving-slovakia/"),
        ("divorce with a foreign spouse", "family/divorce-and-custody/"),
        ("I was fired from my job", "employment/losing-a-job/"),
        ("do I need to file a tax return", "employment/taxes-for-employees/"),
        ("sickness benefit and pension", "living/social-security/"),
        ("how do I find a family doctor", "living/healthcare/"),
        ("exchange my driving licence", "living/driving/"),
        ("how to activate the electronic mailbox", "living/e-government/"),
        ("discrimination at work", "living/discrimination/"),
        # questions
        ("how do I renew my residence permit", "residence/renewal-and-changes/"),
        ("enrol my child in school", "education/school-for-children/"),
        ("how much does temporary residence cost", "residence/fees/"),
        ("do I need a visa for Slovakia", "residence/entry-and-visas/"),
        ("how can I become a Slovak citizen", "citizenship/conditions/"),
        ("can I have two passports", "citizenship/dual-citizenship/"),
        ("how do I open a company", "business/company/"),
        ("how to get a work permit", "employment/single-permit/"),
        ("what should I do after arrival", "living/first-steps/"),
        ("how do I find a job in Slovakia", "employment/finding-a-job/"),
        ("my employer does not pay my salary", "employment/rights-at-work/"),
        ("how do I bring my family to Slovakia", "family/family-reunification/"),
        ("how to get married in Slovakia", "family/marriage/"),
        ("where can I learn Slovak", "education/slovak-language/"),
        ("I lost my residence card", "residence/renewal-and-changes/"),
        ("how do I get my diploma recognised", "education/recognition-of-education/"),
        ("how to apply for temporary protection", "temporary-protection/applying/"),
        ("what taxes do self employed pay", "business/taxes-and-insurance/"),
        ("how much is the trade licence", "business/trade-licence/"),
        ("what happens when I lose my job", "employment/losing-a-job/"),
        ("who can get permanent residence", "residence/permanent-residence/"),
        ("what are my rights at work", "employment/rights-at-work/"),
        # word forms
        ("renewing residence", "residence/renewal-and-changes/"),
        ("visas", "residence/entry-and-visas/"),
        ("companies", "business/company/"),
        ("marrying", "family/marriage/"),
        ("seasonal workers", "employment/seasonal-work/"),
        ("citizenship for children", "citizenship/children/"),
        ("recognising qualifications", "employment/recognition-of-qualifications/"),
        # everyday words
        ("self employed", "business/trade-licence/"),
        ("freelancer", "business/trade-licence/"),
        ("work permit", "employment/single-permit/"),
        ("maternity leave", "family/family-benefits/"),
        ("child benefit", "family/family-benefits/"),
        ("Ltd", "business/company/"),
        ("nursery", "education/school-for-children/"),
        ("rent a flat", "living/housing/"),
        ("ambulance", "living/emergency/"),
        ("Ukrainian refugees", "temporary-protection/applying/"),
        ("fired from job", "employment/changing-job/"),
        ("nostrification", "education/recognition-of-education/"),
        ("permanent residency", "residence/permanent-residence/"),
        ("eKolok", "residence/fees/"),
        ("wedding", "family/marriage/"),
        # Slovak terms, typos
        ("zivnost", "business/trade-licence/"),
        ("prechodny pobyt", "residence/temporary-residence/"),
        ("sro", "business/company/"),
        ("residense permit", "residence/temporary-residence/"),
        ("dual citizenshp", "citizenship/dual-citizenship/"),
        ("helth insurance", "living/health-insurance/"),
        ("kindergarden", "education/school-for-children/"),
        ("enroll child in school", "education/school-for-children/"),
    ],
    "ru": [
        ("как попросить убежище", "residence/asylum/"),
        ("мне отказали в ВНЖ что делать", "residence/appeals-and-legal-aid/"),
        ("уезжаю из Словакии навсегда", "residence/leaving-slovakia/"),
        ("развод с иностранцем", "family/divorce-and-custody/"),
        ("меня уволили с работы", "employment/losing-a-job/"),
        ("как подать налоговую декларацию", "employment/taxes-for-employees/"),
        ("больничный и пенсия", "living/social-security/"),
        ("как найти семейного врача", "living/healthcare/"),
        ("обмен водительских прав", "living/driving/"),
        ("как активировать электронный ящик", "living/e-government/"),
        ("дискриминация на работе", "living/discrimination/"),
        # questions
        ("сколько стоит вид на жительство", "residence/fees/"),
        ("как продлить ВНЖ", "residence/renewal-and-changes/"),
        ("нужна ли виза в Словакию", "residence/entry-and-visas/"),
        ("как получить гражданство Словакии", "citizenship/conditions/"),
        ("можно ли иметь два гражданства", "citizenship/dual-citizenship/"),
        ("как открыть фирму", "business/company/"),
        ("как получить разрешение на работу", "employment/single-permit/"),
        ("что делать после приезда", "living/first-steps/"),
        ("как найти работу в Словакии", "employment/finding-a-job/"),
        ("работодатель не платит зарплату", "employment/rights-at-work/"),
        ("как перевезти семью", "family/family-reunification/"),
        ("как выйти замуж в Словакии", "family/marriage/"),
        ("где выучить словацкий", "education/slovak-language/"),
        ("потерял карту ВНЖ", "residence/renewal-and-changes/"),
        ("как подтвердить диплом", "education/recognition-of-education/"),
        ("как подать на временную защиту", "temporary-protection/applying/"),
        ("какие налоги платит живностник", "business/taxes-and-insurance/"),
        ("как записать ребёнка в школу", "education/school-for-children/"),
        ("что делать если уволили", "employment/changing-job/"),
        ("сколько стоит живность", "business/trade-licence/"),
        ("как получить ПМЖ", "residence/permanent-residence/"),
        # word forms
        ("гражданства", "citizenship/"),
        ("визы", "residence/entry-and-visas/"),
        ("браке", "family/marriage/"),
        ("медицинской страховки", "living/health-insurance/"),
        ("сезонной работы", "employment/seasonal-work/"),
        ("воссоединении семьи", "family/family-reunification/"),
        ("голубую карту", "employment/eu-blue-card/"),
        ("рождении ребёнка", "family/birth-of-a-child/"),
        ("постоянного проживания", "residence/permanent-residence/"),
        ("временной защиты", "temporary-protection/applying/"),
        # everyday words
        ("живность", "business/trade-licence/"),
        ("декрет", "family/family-benefits/"),
        ("беженцы", "temporary-protection/applying/"),
        ("ВНЖ", "residence/temporary-residence/"),
        ("ПМЖ", "residence/permanent-residence/"),
        ("ООО", "business/company/"),
        ("садик", "education/school-for-children/"),
        ("минималка", "employment/rights-at-work/"),
        ("сезонка", "employment/seasonal-work/"),
        ("снять квартиру", "living/housing/"),
        ("скорая помощь", "living/emergency/"),
        ("нострификация", "education/recognition-of-education/"),
        ("свадьба", "family/marriage/"),
        ("декретные", "family/family-benefits/"),
        ("самозанятый", "business/trade-licence/"),
        # Slovak terms, typos, without ё
        ("živnosť", "business/trade-licence/"),
        ("prechodny pobyt", "residence/temporary-residence/"),
        ("пособие на ребенка", "family/family-benefits/"),
        ("граждансто", "citizenship/"),
        ("страховка медецинская", "living/health-insurance/"),
        ("вид на жительсво", "residence/temporary-residence/"),
    ],
    "uk": [
        # temporary protection first: most Ukrainian readers hold it
        ("як отримати тимчасовий притулок", "temporary-protection/applying/"),
        ("як подати заяву на тимчасовий притулок", "temporary-protection/applying/"),
        ("чи можна працювати з тимчасовим притулком", "temporary-protection/rights/"),
        ("чи можна поїхати в Україну і повернутися", "temporary-protection/travel-and-residence/"),
        ("біженці з України", "temporary-protection/applying/"),
        ("тимчасового притулку", "temporary-protection/applying/"),
        ("як попросити азил", "residence/asylum/"),
        ("мені відмовили в перебуванні що робити", "residence/appeals-and-legal-aid/"),
        ("виїжджаю зі Словаччини назавжди", "residence/leaving-slovakia/"),
        ("розлучення з іноземцем", "family/divorce-and-custody/"),
        ("мене звільнили з роботи", "employment/losing-a-job/"),
        ("як подати податкову декларацію", "employment/taxes-for-employees/"),
        ("лікарняний і пенсія", "living/social-security/"),
        ("як знайти сімейного лікаря", "living/healthcare/"),
        ("обмін водійського посвідчення", "living/driving/"),
        ("як активувати електронну скриньку", "living/e-government/"),
        ("дискримінація на роботі", "living/discrimination/"),
        # questions
        ("скільки коштує тимчасове перебування", "residence/fees/"),
        ("як продовжити тимчасове перебування", "residence/renewal-and-changes/"),
        ("чи потрібна віза до Словаччини", "residence/entry-and-visas/"),
        ("як отримати словацьке громадянство", "citizenship/conditions/"),
        ("чи можна мати два громадянства", "citizenship/dual-citizenship/"),
        ("як відкрити фірму", "business/company/"),
        ("як отримати дозвіл на роботу", "employment/single-permit/"),
        ("що робити після приїзду", "living/first-steps/"),
        ("як знайти роботу в Словаччині", "employment/finding-a-job/"),
        ("роботодавець не платить зарплату", "employment/rights-at-work/"),
        ("як перевезти сім'ю", "family/family-reunification/"),
        ("як одружитися в Словаччині", "family/marriage/"),
        ("де вивчити словацьку мову", "education/slovak-language/"),
        ("загубив посвідку на перебування", "residence/renewal-and-changes/"),
        ("як підтвердити диплом", "education/recognition-of-education/"),
        ("як записати дитину до школи", "education/school-for-children/"),
        ("як отримати постійне перебування", "residence/permanent-residence/"),
        # word forms
        ("візи", "residence/entry-and-visas/"),
        ("шлюбу", "family/marriage/"),
        ("медичного страхування", "living/health-insurance/"),
        ("сезонної роботи", "employment/seasonal-work/"),
        ("возз'єднанні сім'ї", "family/family-reunification/"),
        ("блакитну карту", "employment/eu-blue-card/"),
        ("народженні дитини", "family/birth-of-a-child/"),
        ("постійного перебування", "residence/permanent-residence/"),
        # everyday words
        ("декрет", "family/family-benefits/"),
        ("посвідка на перебування", "residence/temporary-residence/"),
        ("садочок", "education/school-for-children/"),
        ("мінімалка", "employment/rights-at-work/"),
        ("зняти квартиру", "living/housing/"),
        ("швидка допомога", "living/emergency/"),
        ("нострифікація", "education/recognition-of-education/"),
        ("весілля", "family/marriage/"),
        ("ФОП", "business/trade-licence/"),
        # Slovak terms, typos, another apostrophe
        ("živnosť", "business/trade-licence/"),
        ("dočasné útočisko", "temporary-protection/applying/"),
        ("громадянсво", "citizenship/conditions/"),
        ("возз’єднання сім’ї", "family/family-reunification/"),
    ],
}

SITE = load_site_config(REPO)
PREFIX = {code: "" if code == SITE.source_language else f"{code}/" for code in SITE.codes}
RESULT_LINKS = "[data-site-search-results] li a"


@pytest.fixture(scope="module")
def tab(browser):
    """One tab for the whole module: typing a new query replaces the last one's results."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def open_language(page, served, lang: str) -> None:
    page.goto(served + PREFIX[lang])
    page.locator("[data-site-search-input]").focus()


def settle(page, query: str) -> None:
    """Wait until the box holds `query` and its results (or the no-results help) are shown,
    the first screen of results with their sections and excerpts (the list is
    aria-busy until then).

    The list is emptied on every keystroke, so whatever appears belongs to this query."""
    page.wait_for_function(
        """q => document.querySelector('[data-site-search-input]').value === q && (
             (document.querySelectorAll('[data-site-search-results] > li').length > 0 &&
              !document.querySelector('[data-site-search-results][aria-busy]')) ||
             (document.querySelector('[data-site-search-fallback]') || {}).hidden === false)""",
        # Playwright's own default: on a busy two-core gate, Pagefind's first start on a
        # freshly opened page plus its first fragments once took longer than 10 s.
        arg=query, timeout=30000)


def results(page, query: str) -> list[str]:
    """The page link (first link) of each result, in order."""
    box = page.locator("[data-site-search-input]")
    box.fill("")
    box.fill(query)
    settle(page, query)
    return page.eval_on_selector_all(
        "[data-site-search-results] > li", "els => els.map(li => li.querySelector('a').getAttribute('href'))")


def foreign_links(page, lang: str) -> list[str]:
    """Every link in the results (pages and sections) that is not in `lang`."""
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.getAttribute('href'))")
    return other_language(hrefs, lang)


def listed(page, query: str) -> list[str]:
    """The page addresses the box lists for `query`, in order: search.js's own ranking
    (`siteSearchPages`), without typing each query and drawing its results.
    `test_ranking_is_what_the_box_shows` proves the two agree."""
    page.wait_for_function("() => document.querySelector('[data-site-search]').siteSearchPages")
    return page.evaluate("q => document.querySelector('[data-site-search]').siteSearchPages(q)", query)


def other_language(hrefs: list[str], lang: str) -> list[str]:
    own = "/sub/" + PREFIX[lang]
    other = tuple(f"/sub/{p}" for code, p in PREFIX.items() if code != lang and p)
    return [h for h in hrefs if not h.startswith(own) or h.startswith(other)]


def check_table(page, served, lang: str, table: list[tuple[str, str]]) -> list[str]:
    open_language(page, served, lang)
    failures = []
    for query, expected in table:
        hrefs = listed(page, query)
        want = "/sub/" + PREFIX[lang] + expected
        if not hrefs:
            failures.append(f"{query!r}: no results")
        elif want not in hrefs[:3]:
            failures.append(f"{query!r}: expected {want} in top 3, got {hrefs[:3]}")
        others = other_language(hrefs, lang)
        if others:
            failures.append(f"{query!r}: results from another language: {others}")
    return failures


@pytest.mark.parametrize("lang", sorted(ASKED))
def test_ranking_is_what_the_box_shows(tab, served, lang):
    """The query tables below check the ranking directly; typed into the box, a sample of
    them lists the same pages in the same order, with no section link to another language."""
    open_language(tab, served, lang)
    for query, _page in ASKED[lang][::10] + QUERIES[lang][::6]:
        shown = results(tab, query)
        assert shown == listed(tab, query)[:10], query
        assert foreign_links(tab, lang) == [], query


@pytest.mark.parametrize("lang", sorted(QUERIES))
def test_keyword_queries_find_the_right_page_in_the_same_language(tab, served, lang):
    assert len(QUERIES[lang]) >= 15
    assert check_table(tab, served, lang, QUERIES[lang]) == []


@pytest.mark.parametrize("lang", sorted(ASKED))
def test_queries_as_people_ask_them(tab, served, lang):
    assert lang in PREFIX, f"{lang} has a query table but is not a language of the site"
    assert len(ASKED[lang]) >= 50
    assert check_table(tab, served, lang, ASKED[lang]) == []


def test_done_when_zivnost_and_grazhdanstva(tab, served):
    open_language(tab, served, "sk")
    assert results(tab, "zivnost")[0] == "/sub/business/trade-licence/"
    open_language(tab, served, "ru")
    assert "/sub/ru/citizenship/" in results(tab, "гражданства")[:3]


@pytest.mark.parametrize("lang, query", [
    ("sk", "koľko stojí prechodný pobyt"),
    ("en", "how much does temporary residence cost"),
    ("ru", "сколько стоит вид на жительство"),
    ("uk", "скільки коштує тимчасове перебування"),
])
def test_cost_questions_put_the_fees_table_first(tab, served, lang, query):
    open_language(tab, served, lang)
    assert results(tab, query)[0] == f"/sub/{PREFIX[lang]}residence/fees/"
    sections = tab.eval_on_selector_all(
        "[data-site-search-results] > li", "els => els.map(li => [...li.querySelectorAll('a')]"
        ".map(a => a.getAttribute('href')).slice(1).join(' '))")
    # The guides under it link their own fee section, not "Who this page is for".
    assert any("#fees" in s for s in sections[1:4]), sections[:4]


def test_each_result_links_the_section_that_matched_best(tab, served):
    open_language(tab, served, "en")
    results(tab, "lost residence card")
    first = tab.locator("[data-site-search-results] > li").first
    links = first.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert links[0] == "/sub/en/residence/renewal-and-changes/"
    assert links[1] == "/sub/en/residence/renewal-and-changes/#lost-card"
    open_language(tab, served, "sk")
    results(tab, "minimálna mzda")
    sections = tab.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.getAttribute('href'))")
    assert "/sub/employment/rights-at-work/#minimum-wage" in sections


def test_matched_words_are_highlighted_not_styled_as_links(tab, served):
    open_language(tab, served, "sk")
    results(tab, "sezónna práca")
    mark = tab.locator("[data-site-search-results] mark").first
    assert mark.is_visible()
    style = mark.evaluate("m => { const s = getComputedStyle(m), a = getComputedStyle(m.closest('a'));"
                          " return [s.textDecorationLine, s.backgroundColor, s.color, a.color]; }")
    decoration, background, colour, _link_colour = style
    assert decoration == "none"
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_show_more_results(tab, served):
    open_language(tab, served, "sk")
    first = results(tab, "pobyt")
    assert len(first) == 10
    more = tab.locator(".site-search-more")
    assert more.is_visible() and more.inner_text().strip()
    count = int("".join(ch for ch in tab.text_content("[data-site-search-meta]") if ch.isdigit()))
    more.click()
    tab.wait_for_function("document.querySelectorAll('[data-site-search-results] > li').length > 10")
    shown = tab.eval_on_selector_all(
        "[data-site-search-results] > li", "els => els.map(li => li.querySelector('a').getAttribute('href'))")
    assert len(shown) == min(20, count)
    assert len(set(shown)) == len(shown)
    assert tab.evaluate("document.activeElement.getAttribute('href')") == shown[10]


@pytest.mark.parametrize("lang", sorted(PREFIX))
def test_settings_list_every_indexed_page_of_the_language(built, lang):
    """search.js lists and orders results from this list before any fragment arrives."""
    settings = json.loads((built / "assets" / "search" / f"{lang}.json").read_text(encoding="utf-8"))
    indexed = {p.stem for p in (built / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment")}
    assert indexed and set(settings["pages"]) == indexed
    for url, title, *_keywords in settings["pages"].values():
        assert url.startswith(PREFIX[lang]) and title, (url, title)
        assert (built / url / "index.html").exists(), url


def test_fragments_load_only_for_results_on_screen(browser, served):
    """Titles and links of all ten results at once; each page's text (its Pagefind
    fragment, for the section link and the excerpt) only for the results the reader sees."""
    context = browser.new_context(viewport={"width": 390, "height": 800})  # a phone
    tab = context.new_page()
    fragments: list[str] = []
    worker: list[str] = []
    tab.on("request", lambda r: fragments.append(r.url) if r.url.endswith(".pf_fragment") else None)
    tab.on("request", lambda r: worker.append(r.url) if "pagefind-worker" in r.url else None)
    open_language(tab, served, "en")
    listed = results(tab, "residence")
    assert len(listed) == 10 and len(set(listed)) == 10
    tab.wait_for_timeout(500)  # results scrolled into view would load by now
    first_screen = len(fragments)
    assert 1 <= first_screen <= 6, fragments
    items = tab.locator("[data-site-search-results] > li")
    assert items.nth(0).get_attribute("data-pending") is None
    assert items.nth(0).locator("p").count() == 1  # its excerpt
    last = items.nth(9)
    assert last.get_attribute("data-pending") is not None
    assert last.locator("a").count() == 1 and last.locator("h1").inner_text().strip()
    last.scroll_into_view_if_needed()
    tab.wait_for_function("!document.querySelector('[data-site-search-results] > li:nth-child(10)')"
                          ".hasAttribute('data-pending')", timeout=10000)
    assert len(fragments) > first_screen
    assert last.locator("p").count() == 1
    links = last.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert links[0] == listed[9]
    assert all(h.split("#")[0] == listed[9] for h in links), links  # a section of its own page
    # Pagefind searches on the page: its worker (pagefind.js's code again, 12 KB) is not
    # downloaded (search.js passes Pagefind 1.5's `noWorker`; an upgrade may rename it).
    assert worker == []
    # Filling in never reorders the list.
    assert tab.eval_on_selector_all(
        "[data-site-search-results] > li", "els => els.map(li => li.querySelector('a').getAttribute('href'))"
    ) == listed
    context.close()


@pytest.mark.parametrize("lang, none_text, guide_title", [
    ("sk", "Žiadne vyhovujúce", "Prechodný pobyt"),
    ("en", "No matching", "Temporary residence"),
    ("ru", "Совпадений не найдено", "Временное проживание"),
    ("uk", "Збігів не знайдено", "Тимчасове перебування"),
])
def test_no_dead_end_when_nothing_matches(tab, served, lang, none_text, guide_title):
    open_language(tab, served, lang)
    assert results(tab, "qqxzqqxz") == []
    assert none_text.lower() in tab.text_content("[data-site-search-meta]").lower()
    fallback = tab.locator("[data-site-search-fallback]")
    assert fallback.is_visible()
    links = fallback.locator("a").evaluate_all("els => els.map(e => [e.getAttribute('href'), e.textContent])")
    guides = [(h.split("/sub/", 1)[1], t) for h, t in links if "/sub/" in h]
    assert len(guides) >= 5
    # Guides in the reader's language only (the source language has no prefix).
    others = [p for code, p in PREFIX.items() if code != lang and p]
    assert all(h.startswith(PREFIX[lang]) and not any(h.startswith(o) for o in others)
               for h, _ in guides), guides
    assert any(t.startswith(guide_title) for _, t in guides), guides
    # The MIC hotline from data/contacts.yml, group free-help, in the reader's language.
    assert fallback.locator("a[href^='tel:']").first.inner_text() == "0850 211 478"
    results(tab, {"sk": "pobyt", "en": "residence", "ru": "ВНЖ", "uk": "перебування"}[lang])
    assert not fallback.is_visible()


def test_interface_text_in_page_language(tab, served):
    open_language(tab, served, "ru")
    box = tab.locator("[data-site-search-input]")
    assert box.get_attribute("placeholder") == "Поиск"
    results(tab, "брак")
    assert "Найдено" in tab.text_content("[data-site-search-meta]")
    box.fill("ъъъъъъ")
    tab.wait_for_function("document.querySelector('[data-site-search-meta]').textContent"
                          ".includes('Совпадений не найдено')", timeout=10000)


def test_nothing_search_related_loads_until_used(page, served):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served + "en/residence/fees/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "pagefind" in u or "search.js" in u or "/assets/search/" in u]
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
