"""HTML -> TextBlocks (msgcheck.extractors.web): what is kept, what is dropped, where it stands."""

from __future__ import annotations

import gzip
import importlib.util
import random
import sys
from pathlib import Path

import pytest

from msgcheck.extractors.web import MAX_BLOCKS, PageText, boilerplate_texts, decode_html, extract_html
from msgcheck.models import TextBlock

URL = "https://www.example.com/product/pulse"
CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "html"
BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_html_extraction.py"


def texts(page: PageText) -> list[str]:
    return [b.text for b in page.blocks]


def block(page: PageText, text: str) -> TextBlock:
    matches = [b for b in page.blocks if b.text == text]
    assert matches, f"{text!r} not in {texts(page)}"
    return matches[0]


MARKETING_PAGE = """<!doctype html>
<html><head><title>Lumen Pulse &ndash; Retail analytics</title>
<link rel="canonical" href="/product/pulse/">
</head><body>
<a class="skip-link" href="#main">Skip to content</a>
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<header class="site-header"><a href="/">Lumen</a><nav><ul><li><a href="/pricing">Pricing</a></li></ul></nav></header>
<main id="main">
  <section class="hero">
    <h1>Lumen Pulse</h1>
    <p>Dashboards refresh every 5 seconds.</p>
    <a class="btn btn-primary" href="/demo">Book a demo</a>
  </section>
  <section>
    <h2>Why retailers switch</h2>
    <div class="feature">Store managers build their own reports without SQL.</div>
    <ul><li>Live data</li><li>No SQL</li></ul>
    <aside>Related: our blog</aside>
  </section>
</main>
<footer><p>Lumen Analytics &copy; 2026. The retail analytics platform.</p><a href="/legal">Legal</a></footer>
</body></html>"""


def test_marketing_page_keeps_content_and_drops_chrome() -> None:
    page = extract_html(MARKETING_PAGE, URL)
    assert texts(page) == [
        "Lumen Pulse",
        "Dashboards refresh every 5 seconds.",
        "Book a demo",
        "Why retailers switch",
        "Store managers build their own reports without SQL.",
        "Live data",
        "No SQL",
    ]
    assert [b.role for b in page.blocks] == ["title", "body", "label", "title", "body", "body", "body"]


def test_locations_carry_url_nearest_heading_and_css_path() -> None:
    page = extract_html(MARKETING_PAGE, URL)
    claim = block(page, "Dashboards refresh every 5 seconds.")
    assert claim.location.url == URL
    assert claim.location.heading == "Lumen Pulse"
    assert claim.location.css_path == "main#main > section:nth-of-type(1) > p"
    bare = block(page, "Store managers build their own reports without SQL.")
    assert bare.location.heading == "Why retailers switch"
    assert bare.location.css_path == "main#main > section:nth-of-type(2) > div"
    assert block(page, "No SQL").location.css_path == "main#main > section:nth-of-type(2) > ul > li:nth-of-type(2)"
    # A heading's own location names the heading before it, not itself.
    assert block(page, "Why retailers switch").location.heading == "Lumen Pulse"
    assert block(page, "Lumen Pulse").location.heading is None
    assert claim.location.to_dict()["heading"] == "Lumen Pulse"


def test_title_canonical_and_links() -> None:
    page = extract_html(MARKETING_PAGE, URL)
    assert page.title == "Lumen Pulse – Retail analytics"
    assert page.canonical == "https://www.example.com/product/pulse/"
    # Links from the chrome too (the crawler follows them), absolute, in document order, once each.
    assert page.links == [
        "https://www.example.com/product/pulse#main",
        "https://www.example.com/",
        "https://www.example.com/pricing",
        "https://www.example.com/demo",
        "https://www.example.com/legal",
    ]


def test_links_resolve_against_base_and_skip_non_http() -> None:
    html = """<html><head><base href="https://cdn.example.org/docs/"><link rel="Canonical stylesheet" href="page.html"></head>
    <body><a href="intro.html">a</a><a href="intro.html">again</a><a href="mailto:x@example.com">m</a>
    <a href="javascript:void(0)">j</a><a href="tel:+1">t</a><a href="http://[bad">b</a><a href="  //other.example.net/x ">o</a>
    <map><area href="/area"></map><a>no href</a></body></html>"""
    page = extract_html(html, URL)
    assert page.canonical == "https://cdn.example.org/docs/page.html"
    assert page.links == [
        "https://cdn.example.org/docs/intro.html",
        "https://other.example.net/x",
        "https://cdn.example.org/area",
    ]


def test_hidden_elements_are_dropped_but_click_to_open_panels_are_kept() -> None:
    html = """<body><main>
    <p>Visible claim.</p>
    <p hidden>Hidden attribute.</p>
    <div aria-hidden="true">Aria hidden.</div>
    <p style="color: red; DISPLAY : none">Display none.</p>
    <p style="visibility:hidden">Visibility hidden.</p>
    <dialog>Closed dialog.</dialog>
    <div class="accordion__panel" hidden><p>FAQ answer: setup takes one day.</p></div>
    <div role="tabpanel" aria-hidden="true"><p>Second tab: exports to Excel.</p></div>
    </main></body>"""
    assert texts(extract_html(html, URL)) == [
        "Visible claim.",
        "FAQ answer: setup takes one day.",
        "Second tab: exports to Excel.",
    ]


def test_chrome_by_element_role_and_class() -> None:
    html = """<body>
    <div role="navigation">Role navigation</div><div role="banner">Role banner</div>
    <div role="contentinfo">Role contentinfo</div>
    <div class="gdpr-notice">GDPR notice</div><div id="CybotCookiebotDialog">Cookiebot</div>
    <ul class="main-menu"><li>Menu item</li></ul><div class="navbar">Navbar</div>
    <ol class="breadcrumbs"><li>Home</li></ol><div class="modal fade">Modal</div>
    <div class="newsletter-signup">Newsletter</div><div class="social-share">Share</div>
    <div class="restaurant">Menus at our restaurant are seasonal.</div>
    <article><header><h1>Article title</h1></header><p>Article text.</p></article>
    </body>"""
    # A <header> inside an <article> is the article's own header, not the site banner; a class
    # must name chrome as a word, so "restaurant" is not "nav" or "menu".
    assert texts(extract_html(html, URL)) == ["Menus at our restaurant are seasonal.", "Article title", "Article text."]


def test_chrome_never_wraps_the_content() -> None:
    html = """<body><div class="responsive-menu-page-wrapper">
    <ul class="menu"><li>Home</li></ul>
    <main><h1>Pest control</h1><p>Same-day service in Wayne County.</p></main>
    </div></body>"""
    assert texts(extract_html(html, URL)) == ["Pest control", "Same-day service in Wayne County."]


def test_dropped_elements_and_hostile_markup_stays_text() -> None:
    html = """<body><p>Before</p>
    <script>document.write("<p>script text</p>")</script><style>p { color: red }</style>
    <template><p>Template text</p></template><noscript>Enable JavaScript</noscript>
    <svg><text>SVG text</text></svg><iframe src="/x">Iframe text</iframe>
    <form><label>Work email</label><input value="typed"><select><option>Option</option></select>
    <textarea>Textarea</textarea><button type="submit">Send</button></form>
    <p>&lt;script&gt;alert(1)&lt;/script&gt; is shown as text</p>
    <!-- a comment --><p>After &amp; &eacute;t&eacute; &#x2014; &quot;done&quot;</p></body>"""
    page = extract_html(html, URL)
    assert texts(page) == [
        "Before",
        "Work email",
        "Send",
        "<script>alert(1)</script> is shown as text",
        'After & été — "done"',
    ]
    assert block(page, "Send").role == "label"


def test_tables_give_cells() -> None:
    html = """<body><table><caption>Plans</caption>
    <tr><th>Plan</th><th>Stores</th></tr>
    <tr><td>Starter</td><td><p>Up to <b>10</b> stores</p></td></tr></table></body>"""
    page = extract_html(html, URL)
    assert [(b.text, b.role) for b in page.blocks] == [
        ("Plans", "body"),
        ("Plan", "cell"),
        ("Stores", "cell"),
        ("Starter", "cell"),
        ("Up to 10 stores", "cell"),
    ]


def test_text_blocks_of_every_kind_and_whitespace() -> None:
    html = """<body><blockquote>  Pulse   cut our\n reporting\u00a0time. </blockquote>
    <dl><dt>Refresh</dt><dd>Every 5 seconds</dd></dl>
    <figure><img alt="chart"><figcaption>Weekly hours saved</figcaption></figure>
    <div>Bare <strong>bold</strong> text<br>after a break<div>Nested block</div>tail text</div>
    <h2>Heading <div>with a block</div>inside</h2>
    <p>Zero\u200bwidth and soft\u00adhyphen</p><p> | </p><p>\u2022</p></body>"""
    assert texts(extract_html(html, URL)) == [
        "Pulse cut our reporting time.",
        "Refresh",
        "Every 5 seconds",
        "Weekly hours saved",
        "Bare bold text after a break",
        "Nested block",
        "tail text",
        "Heading with a block inside",
        "Zerowidth and softhyphen",
    ]


def test_bytes_are_decoded_with_the_declared_charset() -> None:
    latin = '<html><head><meta charset="iso-8859-1"></head><body><p>Café crème — 5 €</p></body></html>'
    assert texts(extract_html(latin.encode("cp1252"), URL)) == ["Café crème — 5 €"]
    sjis = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>店舗データ</p>'
    assert texts(extract_html(sjis.encode("shift_jis"), URL)) == ["店舗データ"]
    assert texts(extract_html("<p>naïve</p>".encode("utf-8"), URL)) == ["naïve"]
    # No declaration and not UTF-8: windows-1252. A byte-order mark wins over everything.
    assert texts(extract_html("<p>naïve</p>".encode("cp1252"), URL)) == ["naïve"]
    assert decode_html(b"\xef\xbb\xbf<p>x</p>") == "<p>x</p>"
    assert decode_html("<p>ü</p>".encode("utf-16")) == "<p>ü</p>"
    # An HTTP charset beats the meta; an unknown label falls back.
    assert decode_html('<meta charset="utf-8">é'.encode("cp1252"), encoding="windows-1252").endswith("é")
    assert decode_html('<meta charset="no-such-charset">é'.encode("utf-8")).endswith("é")


def test_react_streamed_content_is_read_where_it_is_shown() -> None:
    html = """<body><main><h1>Hero</h1><template id="B:0"></template><p>Loading…</p></main>
    <div hidden id="S:0"><p>Streamed claim: setup in one day.</p></div></body>"""
    assert texts(extract_html(html, URL)) == ["Hero", "Streamed claim: setup in one day.", "Loading…"]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   ",
        b"\x00\x01\x02\xff\xfe garbage \x80\x81",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        "<p>unclosed <b>bold <i>italic <table><td>cell".encode(),
        b"<html><head><title>Only a head</title></head></html>",
        b"<frameset><frame src=x></frameset>",
        b"<?xml version='1.0'?><rss><channel><title>feed</title></channel></rss>",
        b"<p>" + b"\x00" * 1000 + b"text</p>",
        b"<" * 10000,
        "<p>\ud800 lone surrogate</p>".encode("utf-8", "surrogatepass"),
    ],
)
def test_never_raises_on_odd_input(data: bytes) -> None:
    page = extract_html(data, URL)
    assert isinstance(page, PageText)
    assert all(b.text and b.location.url == URL for b in page.blocks)


def test_random_bytes_never_raise() -> None:
    rng = random.Random(3)
    for _ in range(200):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        if rng.random() < 0.5:
            data = b"<div><p>" + data + b"</p></div>"
        extract_html(data, URL)


def test_work_is_capped_on_huge_and_deep_pages() -> None:
    deep = "<div>" * 20000 + "<p>deep text</p>" + "</div>" * 20000
    assert texts(extract_html(deep, URL)) == ["deep text"]
    many = "<body>" + "".join(f"<p>claim number {i}</p>" for i in range(MAX_BLOCKS + 50))
    assert len(extract_html(many, URL).blocks) == MAX_BLOCKS
    empty_body = extract_html("<html><body></body></html>", URL)
    assert empty_body.blocks == [] and empty_body.title is None and empty_body.links == []


def page_with(*lines: str) -> PageText:
    return extract_html("<body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body>", URL)


def test_boilerplate_texts_repeat_on_many_pages() -> None:
    pages = [
        page_with("Lumen: retail analytics that works.", "Book a demo", "Page one claim."),
        page_with("Lumen: retail analytics that works.", "Book a demo", "Page two claim.", "Page two claim."),
        page_with("Lumen: retail analytics that works.", "Page three claim.", "Only twice."),
        page_with("Lumen: retail analytics that works.", "Book a demo", "Only twice."),
    ]
    assert boilerplate_texts(pages) == {"Lumen: retail analytics that works.", "Book a demo"}
    # Each page counts once per text: "Page two claim." twice on one page is not boilerplate.
    assert boilerplate_texts(pages, min_share=0.75) == {"Lumen: retail analytics that works.", "Book a demo"}
    assert boilerplate_texts(pages, min_share=1.0) == {"Lumen: retail analytics that works."}
    # Too few pages to call anything boilerplate.
    assert boilerplate_texts(pages[:2]) == set()
    assert boilerplate_texts(pages[:2], min_pages=2) == {"Lumen: retail analytics that works.", "Book a demo"}
    assert boilerplate_texts([]) == set()


# --- the real-world corpora --------------------------------------------------------------------


def corpus_files() -> list[Path]:
    if not CORPORA.is_dir():
        return []
    return sorted(p for p in CORPORA.rglob("*") if p.is_file() and (p.name.endswith(".html") or p.name.endswith(".html.gz")))


@pytest.mark.slow
@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is not beside the checkout")
def test_every_corpus_page_extracts_without_raising() -> None:
    files = corpus_files()
    assert len(files) > 500
    with_text = 0
    for path in files:
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        page = extract_html(data, "https://example.com/" + path.name)
        assert all(isinstance(b, TextBlock) and b.text.strip() == b.text and b.text for b in page.blocks)
        with_text += bool(page.blocks)
    assert with_text >= 0.95 * len(files)


def load_bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_html_extraction", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (CORPORA / "scrapinghub-aeb").is_dir(), reason="../shared/corpora is not beside the checkout")
def test_extraction_quality_gate_on_scrapinghub_aeb() -> None:
    """The AEB score (4-gram shingles) on the first 90 gold pages must not regress.

    Measured F1 0.862, recall 0.993 on these 90 pages when pinned (all 181: F1 0.855, see
    docs/web-extraction.md); the gate sits a little below, so a real regression fails.
    """
    bench = load_bench()
    pages = list(bench.load_aeb(CORPORA))[:90]
    outputs = {p.id: extract_html(p.html, p.url).text for p in pages}
    result = bench.shingle_score([bench.shingle_counts(p.text or "", outputs[p.id]) for p in pages])
    assert result["recall"] >= 0.97
    assert result["f1"] >= 0.84
