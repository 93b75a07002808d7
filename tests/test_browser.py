"""The pages in a real browser: Debian's chromium driven by Selenium through chromedriver,
against a real `communique serve` over the bundled examples on a free loopback port.

Checks that every main page loads without console errors (CSP violations included), that
the query page's editor runs a query and shows the results table, that a shared query URL
shows an HTML page, and that the /validate result table fits a 1280 px window; it writes
screenshots of the main pages to tests/artifacts/ (or $COMMUNIQUE_ARTIFACTS).

Needs /usr/bin/chromium and /usr/bin/chromedriver (`apt-get install chromium
chromium-driver`; .ci/run installs them). Without them the test fails in CI (CI=true) and
is skipped elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import urllib.parse
from pathlib import Path

import pytest
from serve_process import serving

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WIDTH, HEIGHT = 1280, 900
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
# a graph the shapes reject, with long IRIs in the focus-node and path columns
LONG_EVENT = "event/an-event-with-a-remarkably-long-identifier-never-breaking-" + "0123456789" * 5
LONG_PERSON = "person/someone-with-a-name-long-enough-to-push-the-message-column-" + "abcdef" * 8
INVALID_GRAPH = f"""\
@prefix dip: <https://w3id.org/communique/diplomacy#> .
<http://localhost:5000/id/{LONG_EVENT}> a dip:Meeting , dip:DiplomaticEvent ;
    dip:participant <http://localhost:5000/id/{LONG_PERSON}> ;
    dip:date "not a date" .
"""


def _missing_browser() -> str | None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package (pip install -e '.[test]')")
    if not missing:
        return None
    return (
        "browser tests need chromium: " + ", ".join(missing) + " missing "
        "(apt-get install chromium chromium-driver; .ci/run installs them)"
    )


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(os.environ.get("COMMUNIQUE_ARTIFACTS") or ROOT / "tests" / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> str:
    """The root URL of a real server over the bundled examples."""
    reason = _missing_browser()
    if reason:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reason)
        pytest.skip(reason)
    data = tmp_path_factory.mktemp("browser-server") / "data"
    args = ["--data", str(data), "--ingest", str(EXAMPLES)]
    served = serving(args, cwd=data.parent, seconds=240, own_base=True, stdout=subprocess.DEVNULL)
    with served as site:
        yield site.url + "/"


@pytest.fixture(scope="module")
def driver(site):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="communique-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={WIDTH},{HEIGHT}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    browser.set_page_load_timeout(60)
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _errors(driver) -> list[str]:
    """The console's errors since the last call (CSP violations are logged as SEVERE)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _first_link(driver, site: str, listing: str, kind: str) -> str:
    """The first link to a resource of `kind` on the listing page."""
    driver.get(site + listing)
    for a in driver.find_elements("css selector", "a[href]"):
        href = a.get_attribute("href") or ""
        if f"/id/{kind}/" in href and not href.rstrip("/").endswith(f"/id/{kind}"):
            return href
    raise AssertionError(f"no {kind} link on {listing}")


def _set_query(driver, text: str | None) -> None:
    """Replace the editor's text (None: keep it) and put the cursor at its end."""
    driver.execute_script(
        "const v = window.communiqueEditor, text = arguments[0];"
        "if (text !== null) v.dispatch({changes: {from: 0, to: v.state.doc.length, insert: text}});"
        "v.dispatch({selection: {anchor: v.state.doc.length}});",
        text,
    )


def _page_width(driver) -> int:
    return driver.execute_script("return document.documentElement.scrollWidth")


def test_main_pages_load_without_console_errors(site, driver, artifacts):
    person = _first_link(driver, site, "id/person/", "person")
    country = _first_link(driver, site, "id/country/", "country")
    pages = {
        "landing": site,
        "person": person,
        "country": country,
        "events": site + "id/event/",
        "sparql": site + "sparql",
        "validate": site + "validate",
        "ontology": site + "ontology",
        "shapes": site + "shapes",
        "dumps": site + "dumps/",
        "feed": site + "feed",
        "feed-page": site + "feed/page/1",
    }
    _errors(driver)
    problems = {}
    for name, url in pages.items():
        driver.get(url)
        assert driver.find_element("tag name", "h1").text, f"{name}: no heading at {url}"
        errors = _errors(driver)
        if errors:
            problems[name] = errors
        driver.save_screenshot(str(artifacts / f"{name}.png"))
    assert not problems, f"console errors: {problems}"


def test_query_page_editor_runs_a_query_and_shows_the_table(site, driver, artifacts):
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(site + "sparql")
    shadow = driver.find_element("css selector", ".sparql-editor").shadow_root
    editor = shadow.find_element("css selector", ".cm-content")
    assert driver.find_element("id", "sparql-query").get_attribute("hidden") is not None
    # highlighting: the example's keywords are styled spans
    assert shadow.find_elements("css selector", ".cm-content span")
    # completion after "dip:" offers the ontology's terms (not inside a comment)
    _set_query(driver, "SELECT * WHERE { ?event a ")
    editor.click()
    _set_query(driver, None)  # the cursor to the end
    editor.send_keys("dip:Mee")
    options = WebDriverWait(driver, 10).until(
        lambda d: shadow.find_elements("css selector", ".cm-tooltip-autocomplete li")
    )
    assert any("Meeting" in o.text for o in options)
    query = "SELECT ?person ?name WHERE { ?person a dip:Person ; schema:name ?name } ORDER BY ?name"
    _set_query(driver, query)
    driver.find_element("id", "sparql-run").click()
    WebDriverWait(driver, 30).until(
        lambda d: d.find_elements("css selector", "table.sparql-table tbody tr")
    )
    rows = driver.find_elements("css selector", "table.sparql-table tbody tr")
    assert len(rows) >= 3
    # IRIs as links labelled with the resource's name
    link = rows[0].find_element("css selector", "td a")
    assert link.get_attribute("href").startswith(site + "id/person/")
    assert not link.text.startswith("http")
    # the URL after running is the shareable one, and download links per format
    assert "query=" in driver.current_url
    downloads = driver.find_elements("css selector", ".downloads a")
    assert {a.text for a in downloads} >= {"SPARQL JSON", "CSV"}
    driver.save_screenshot(str(artifacts / "sparql-results.png"))
    assert not _errors(driver)


def test_examples_return_rows(site, driver):
    driver.get(site + "sparql")
    links = driver.find_elements("css selector", ".sparql-examples a")
    hrefs = {a.text: a.get_attribute("href") for a in links}
    assert len(hrefs) == 4
    for title, href in hrefs.items():
        driver.get(href)
        rows = driver.find_elements("css selector", "table.sparql-table tbody tr")
        assert rows, f"example {title!r} returned no rows"
    assert not _errors(driver)


def test_shared_query_url_shows_html(site, driver, artifacts):
    query = "SELECT ?country ?name WHERE { ?country a dip:Country ; schema:name ?name }"
    driver.get(site + "sparql?" + urllib.parse.urlencode({"query": query}))
    assert driver.find_element("tag name", "h1").text == "SPARQL query"
    assert driver.find_elements("css selector", "table.sparql-table tbody tr")
    driver.save_screenshot(str(artifacts / "sparql-shared.png"))
    assert not _errors(driver)


def test_validate_table_fits_1280(site, driver, artifacts):
    driver.get(site + "validate")
    field = driver.find_element("css selector", "textarea[name=data]")
    field.clear()
    driver.execute_script("arguments[0].value = arguments[1]", field, INVALID_GRAPH)
    field.find_element("xpath", "ancestor::form").submit()
    table = driver.find_element("css selector", "table.results")
    window = driver.execute_script("return window.innerWidth")
    assert window <= WIDTH
    assert table.rect["x"] + table.rect["width"] <= window + 1, "the table overflows the window"
    assert _page_width(driver) <= window, "the page scrolls sideways"
    for cell in table.find_elements("css selector", "td"):
        assert cell.rect["x"] + cell.rect["width"] <= window + 1
    driver.save_screenshot(str(artifacts / "validate-result.png"))
    assert not _errors(driver)


BUSIEST_COUNTRY = """SELECT ?country (COUNT(?event) AS ?n) WHERE {
  ?event dip:date ?date ; dip:participant ?country . ?country a dip:Country
} GROUP BY ?country ORDER BY DESC(?n) LIMIT 1"""


def _pictures(driver) -> dict[str, dict]:
    """Each picture on the page: its rendered size, its title and how many marks it draws."""
    return driver.execute_script(
        "const out = {};"
        "for (const svg of document.querySelectorAll('figure.picture svg')) {"
        "  const box = svg.getBoundingClientRect();"
        "  const marks = [...svg.querySelectorAll('circle, rect, path, line, polyline')]"
        "    .filter((m) => { const b = m.getBBox(); return b.width > 0 || b.height > 0; });"
        "  const title = svg.querySelector('title');"
        "  out[svg.closest('figure').id] = {width: box.width, height: box.height,"
        "    title: title ? title.textContent : '', marks: marks.length,"
        "    labelled: svg.getAttribute('role') === 'img'"
        "      && !!svg.getAttribute('aria-labelledby')};"
        "}"
        "return out;"
    )


def test_pictures_render(site, driver, artifacts):
    """The landing page's and a country's pictures are drawn: visible, titled, with marks,
    within the window."""
    driver.get(site + "sparql?" + urllib.parse.urlencode({"query": BUSIEST_COUNTRY}))
    country = driver.find_element("css selector", "table.sparql-table tbody td a")
    for name, url in (("landing", site), ("country", country.get_attribute("href"))):
        driver.get(url)
        pictures = _pictures(driver)
        assert pictures, f"{name}: no pictures at {url}"
        window = driver.execute_script("return window.innerWidth")
        for ident, p in pictures.items():
            assert 100 < p["width"] <= window and p["height"] > 50, (name, ident, p)
            assert p["title"] and p["labelled"], (name, ident, p)
            assert p["marks"] >= 1, (name, ident, p)
        driver.save_screenshot(str(artifacts / f"pictures-{name}.png"))
        assert not _errors(driver)
