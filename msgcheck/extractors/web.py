"""HTML -> TextBlocks: the text a visitor reads on a web page, each with where it stands.

    bytes --decode_html--> str --BeautifulSoup(lxml)--> tree --walk--> PageText(title, canonical, links, blocks)

What is kept: headings (role "title"), paragraphs, list items, blockquotes, dd/dt, figcaptions,
table cells (role "cell"), buttons and call-to-action links (role "label"), and bare text that
sits directly in a div or section without a <p> around it (common on marketing sites).

What is dropped, with its whole subtree:
- elements nobody reads as text: script, style, template, noscript, svg, iframe, form controls;
- hidden elements: the ``hidden`` attribute, ``aria-hidden="true"``, an inline style with
  ``display:none`` or ``visibility:hidden``, a <dialog> that is not open;
- site chrome: nav, aside, the page-level header and footer (a <header>/<footer> inside an
  article, section or main is part of that content, as in the HTML spec), ARIA landmarks
  (navigation, banner, contentinfo, complementary, search, menus, dialogs), and elements whose
  class or id names them as a cookie/consent banner, menu, navbar, breadcrumb, skip link,
  modal, popup, newsletter box or share bar (``CHROME_PATTERN``).

Every block keeps its Location: the page URL, the nearest heading before it in document order,
and a short CSS path ("main > section:nth-of-type(2) > p"). Links are collected from the whole
page, chrome included, because the crawler follows them.

``extract_html`` never raises on any input: malformed markup is repaired by lxml, undecodable
bytes are replaced, and the work is capped (``MAX_HTML_CHARS``, ``MAX_NODES``, ``MAX_BLOCKS``).
Whether a response is HTML at all is the crawler's decision.

``boilerplate_texts`` finds the texts that repeat on many pages of a site (a footer tagline, a
call to action), so a crawl can check them once for the site instead of once per page.
"""

from __future__ import annotations

import codecs
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.element import NavigableString, PreformattedString, Tag

from ..models import Location, TextBlock

__all__ = ["PageText", "boilerplate_texts", "decode_html", "extract_html"]

# bs4 warns when a page looks like a file name or like XML; a crawled page is HTML whatever it
# looks like. Set once here: warnings.catch_warnings() is not thread-safe, and the crawler runs
# extraction in threads.
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)

#: Characters of decoded HTML that are parsed; the rest of a bigger page is ignored.
MAX_HTML_CHARS = 4_000_000
#: Elements and text nodes visited per page.
MAX_NODES = 400_000
#: Blocks kept per page.
MAX_BLOCKS = 5_000
#: Characters kept per block (a giant <pre> or a wall of text is cut here).
MAX_BLOCK_CHARS = 10_000


@dataclass(frozen=True)
class PageText:
    """What a page gives msgcheck.

    ``title`` is the <title> text (None when absent or empty); ``canonical`` the absolute URL of
    ``<link rel=canonical>`` (None when absent); ``links`` the absolute http(s) targets of every
    <a href> and <area href> in document order, without duplicates (fragments kept: the crawler
    canonicalises); ``blocks`` the readable text.
    """

    title: str | None
    canonical: str | None
    links: list[str]
    blocks: list[TextBlock]

    @property
    def text(self) -> str:
        """The blocks' text, one block per line."""
        return "\n".join(b.text for b in self.blocks)


# --- decoding ----------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# WHATWG encoding rules: these labels mean windows-1252; a UTF-16 label found by a byte scan is a lie.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "x-user-defined": "cp1252",
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
}


def _codec(label: str | bytes | None) -> str | None:
    """A Python codec name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    name = _CHARSET_ALIASES.get(label.strip().lower(), label.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, encoding: str | None = None) -> str:
    """Decode page bytes: byte-order mark, then ``encoding`` (an HTTP charset), then <meta charset>
    in the first 8 KiB, then UTF-8, then windows-1252. Never raises: bad bytes become U+FFFD."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    declared = _codec(encoding)
    if declared is None:
        match = _META_CHARSET.search(data[:8192])
        declared = _codec(match.group(1)) if match else None
    if declared is not None:
        return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# --- what to keep, what to drop ----------------------------------------------------------------

# Never text a visitor reads.
DROP_TAGS = frozenset({
    "script", "style", "template", "noscript", "svg", "math", "iframe", "frame", "frameset",
    "object", "embed", "applet", "canvas", "video", "audio", "map", "head", "title", "meta",
    "link", "base", "input", "select", "option", "optgroup", "datalist", "textarea", "output",
    "progress", "meter", "rp",
})
# Site chrome by element name (header and footer only outside sectioning content, see _is_chrome).
CHROME_TAGS = frozenset({"nav", "aside"})
PAGE_LEVEL_CHROME_TAGS = frozenset({"header", "footer"})
SECTIONING_TAGS = frozenset({"article", "section", "main", "aside", "nav"})
CHROME_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    "dialog", "alertdialog",
})
#: A class or id that names site chrome. Distinctive words match anywhere ("CybotCookiebotDialog");
#: short ambiguous ones only as a whole word between - _ or spaces ("menu-item", not "menuetto").
CHROME_PATTERN = re.compile(
    r"cookie|consent|gdpr|onetrust|navbar|breadcrumb|newsletter|skip-?link|skip-?to|social-?share|share-?bar"
    r"|sidebar|subscribe|disqus"
    r"|(?:^|[\s_-])(?:menu|modal|popup|sharing|nav|subnav|ads?|advert\w*)(?:$|[\s_-])"
    r"|(?:^|[\s_-])(?:footer|comment|related)",
    re.I,
)
#: Hidden, but shown by one click: tab panels, accordion and FAQ answers, collapsed sections. Their
#: text is on the page for every visitor who opens them, so it is checked.
REVEALABLE_ROLES = frozenset({"tabpanel", "region"})
REVEALABLE_PATTERN = re.compile(r"(?:^|[\s_-])(?:tab|accordion|collaps|faq)", re.I)
# Elements that are never dropped by their class or id: the page's own frame and main content.
NEVER_CHROME_BY_NAME = frozenset({"html", "body", "main", "article"})
CONTENT_TAGS = frozenset({"main", "article", "h1"})
_P = frozenset({"p"})

# Elements whose text is one block. Any other element (span, a, strong, custom elements) is inline:
# its text joins the block of the nearest block ancestor.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul", "html",
})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CELL_TAGS = frozenset({"td", "th"})
#: An <a> whose class names it a button or call to action; its text is a label, not a sentence.
CTA_CLASS = re.compile(r"(?:^|[\s_-])(?:btn|button|cta)(?:$|[\s_-])", re.I)

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WS = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_HAS_WORD = re.compile(r"\w")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")  # XHTML's; meaningless to an HTML parser
_STREAMED_ID = re.compile(r"^S:\d+$")
_CSS_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,39}$")


def collapse(text: str) -> str:
    """Whitespace runs (non-breaking spaces included) to one space; invisible characters removed."""
    return _WS.sub(" ", _INVISIBLE.sub("", text)).strip()


def _attr(tag: Tag, name: str) -> str:
    value = tag.attrs.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(value)
    return str(value)


def _is_hidden(tag: Tag) -> bool:
    """Hidden from a visitor, and not a tab or accordion panel the visitor opens with a click."""
    attrs = tag.attrs
    if tag.name == "dialog" and "open" not in attrs:
        return True
    hidden = (
        "hidden" in attrs
        or _attr(tag, "aria-hidden").strip().lower() == "true"
        or ("style" in attrs and _HIDDEN_STYLE.search(_attr(tag, "style")) is not None)
    )
    if not hidden:
        return False
    if _attr(tag, "role").strip().lower() in REVEALABLE_ROLES:
        return False
    return REVEALABLE_PATTERN.search(_attr(tag, "class") + " " + _attr(tag, "id")) is None


def _chrome_kind(tag: Tag, sectioned: bool) -> str | None:
    """Why ``tag`` looks like site chrome: "element" (its name or ARIA role), "class" (its class
    or id), or None."""
    name = tag.name
    if name in CHROME_TAGS or (name in PAGE_LEVEL_CHROME_TAGS and not sectioned):
        return "element"
    if _attr(tag, "role").strip().lower() in CHROME_ROLES:
        return "element"
    if name not in NEVER_CHROME_BY_NAME and CHROME_PATTERN.search(_attr(tag, "class") + " " + _attr(tag, "id")):
        return "class"
    return None


def _tags(root: Tag, names: frozenset[str] | None = None) -> Iterator[Tag]:
    """The elements under ``root`` (named ``names``, if given), in document order."""
    for node in root.descendants:
        if isinstance(node, Tag) and (names is None or node.name in names):
            yield node


def _paragraph_chars(tag: Tag) -> int:
    """Characters of text in the <p> elements under ``tag``."""
    return sum(len(p.get_text()) for p in _tags(tag, _P))


def _holds_content(tag: Tag) -> bool:
    """True when ``tag`` holds a <main>, an <article> or an <h1>."""
    return next(_tags(tag, CONTENT_TAGS), None) is not None


def _role(tag: Tag) -> str | None:
    """The block role an element gives its text, or None for an inline element."""
    name = tag.name
    if name in HEADING_TAGS or _attr(tag, "role").lower() == "heading":
        return "title"
    if name in CELL_TAGS:
        return "cell"
    if name == "button" or (name == "a" and (_attr(tag, "role").lower() == "button" or CTA_CLASS.search(_attr(tag, "class")))):
        return "label"
    if name in BLOCK_TAGS:
        return "body"
    return None


# --- the walk ----------------------------------------------------------------------------------

# A CSS path is kept as a chain (parent_chain, segment) and turned into text only for a block.
_Path = tuple  # (parent _Path | None, segment str, anchored bool)


def _css_path(path: _Path | None, limit: int = 8) -> str:
    segments: list[str] = []
    while path is not None and len(segments) < limit:
        parent, segment, anchored = path
        segments.append(segment)
        if anchored:
            break
        path = parent
    return " > ".join(reversed(segments))


class _Context:
    """The block being filled: its text so far, role, path, and whether nested blocks join it."""

    __slots__ = ("parts", "role", "path", "inline_only", "heading")

    def __init__(self, role: str, path: _Path | None, inline_only: bool) -> None:
        self.parts: list[str] = []
        self.role = role
        self.path = path
        self.inline_only = inline_only
        self.heading = role == "title"


class _Close:
    """Marks the end of an element in the walk: flush its block, or (``space``) keep words apart."""

    __slots__ = ("context", "space")

    def __init__(self, context: _Context | None, space: bool = False) -> None:
        self.context = context
        self.space = space


class _Walker:
    def __init__(self, url: str, streamed: dict[str, Tag] | None = None) -> None:
        self.url = url
        self.streamed = streamed or {}
        self.paragraph_chars = 0
        self.blocks: list[TextBlock] = []
        self.heading: str | None = None
        self.stack: list[_Context] = []

    def is_chrome(self, tag: Tag, sectioned: bool) -> bool:
        """Site chrome, unless it wraps the content.

        Chrome wraps navigation, never the content: an element that holds <main>, an <article> or
        an <h1> is a page wrapper (class "menu-page-wrapper", a hero <header>) or broken markup that
        lxml nested inside a menu. A class or id is a weak sign, so an element matched only by it
        is also kept when it holds half or more of the page's paragraph text ("sidebar-and-content").
        What is kept is walked as usual, so the chrome inside it is still dropped.
        """
        kind = _chrome_kind(tag, sectioned)
        if kind is None or _holds_content(tag):
            return False
        if kind == "class" and self.paragraph_chars and 2 * _paragraph_chars(tag) >= self.paragraph_chars:
            return False
        return True

    def flush(self, context: _Context) -> None:
        """Emit what ``context`` has collected as one block and empty it."""
        if not context.parts:
            return
        text = collapse("".join(context.parts))
        context.parts.clear()
        if not text or not _HAS_WORD.search(text) or len(self.blocks) >= MAX_BLOCKS:
            return
        text = text[:MAX_BLOCK_CHARS]
        where = Location(url=self.url, heading=self.heading, css_path=_css_path(context.path) or None)
        self.blocks.append(TextBlock(text=text, location=where, role=context.role))
        if context.heading:
            self.heading = text

    def walk(self, body: Tag) -> None:
        self.paragraph_chars = _paragraph_chars(body)
        root = _Context("body", (None, "body", True), inline_only=False)
        self.stack.append(root)
        todo: list[object] = [(body, None, False)]  # (node, path, sectioned) or _Close
        visited = 0
        while todo and visited < MAX_NODES:
            item = todo.pop()
            visited += 1
            if isinstance(item, _Close):
                if item.context is not None:
                    self.flush(item.context)
                    self.stack.pop()
                elif item.space:
                    self.stack[-1].parts.append(" ")
                continue
            node, path, sectioned = item  # type: ignore[misc]
            if isinstance(node, NavigableString):
                if not isinstance(node, PreformattedString):  # comments, CDATA, doctype
                    self.stack[-1].parts.append(str(node))
                continue
            if not isinstance(node, Tag):
                continue
            name = node.name
            if name == "template" and _attr(node, "id") in self.streamed:
                # React streaming SSR: the hidden <div id="S:n"> is shown in place of <template id="B:n">.
                self._push_children(self.streamed.pop(_attr(node, "id")), path, sectioned, todo)
                continue
            if name in DROP_TAGS or _is_hidden(node) or self.is_chrome(node, sectioned):
                continue
            if name == "br":
                self.stack[-1].parts.append(" ")
                continue
            top = self.stack[-1]
            role = _role(node)
            context: _Context | None = None
            if role is not None:
                if top.inline_only:
                    top.parts.append(" ")  # a block inside a heading or button: keep words apart
                else:
                    if role == "body" and top.role in ("cell", "label"):
                        role = top.role
                    self.flush(top)
                    context = _Context(role, path, inline_only=role in ("title", "label"))
                    self.stack.append(context)
            todo.append(_Close(context, space=role is not None and context is None))
            self._push_children(node, path, sectioned or name in SECTIONING_TAGS, todo)
        while len(self.stack) > 1:  # the node cap was reached inside open blocks
            self.flush(self.stack.pop())
        self.flush(root)

    @staticmethod
    def _push_children(node: Tag, path: _Path | None, sectioned: bool, todo: list[object]) -> None:
        children = node.contents
        counts = Counter(c.name for c in children if isinstance(c, Tag))
        seen: Counter[str] = Counter()
        items: list[object] = []
        for child in children:
            if isinstance(child, Tag):
                seen[child.name] += 1
                segment = child.name
                if counts[child.name] > 1:
                    segment += f":nth-of-type({seen[child.name]})"
                element_id = _attr(child, "id")
                anchored = bool(element_id) and _CSS_ID.match(element_id) is not None
                if anchored:
                    segment = f"{child.name}#{element_id}"
                items.append((child, (path, segment, anchored), sectioned))
            else:
                items.append((child, path, sectioned))
        todo.extend(reversed(items))


# --- the page ----------------------------------------------------------------------------------


def _absolute(base: str, href: str) -> str | None:
    href = href.strip()
    if not href:
        return None
    try:
        target = urljoin(base, href)
        scheme = urlsplit(target).scheme.lower()
    except ValueError:  # e.g. an invalid IPv6 host "http://[x"
        return None
    return target if scheme in ("http", "https") else None


def extract_html(html: str | bytes, url: str, *, encoding: str | None = None) -> PageText:
    """The title, canonical URL, links and readable text blocks of one HTML page.

    ``html`` may be bytes (decoded by ``decode_html``; ``encoding`` is the HTTP charset, if any)
    or text. Never raises for any content; a page with no body gives no blocks.
    """
    text = decode_html(html, encoding) if isinstance(html, (bytes, bytearray)) else str(html)
    text = _XML_DECLARATION.sub("", text[:MAX_HTML_CHARS].replace("\x00", ""), count=1)
    soup = BeautifulSoup(text, "lxml")

    # One pass over the whole tree (chrome included) for what is not text: bs4's find_all is slow.
    base_href = title_tag = canonical_href = None
    hrefs: list[str] = []
    streamed: dict[str, Tag] = {}
    for tag in _tags(soup):
        name = tag.name
        if name in ("a", "area") and "href" in tag.attrs:
            hrefs.append(_attr(tag, "href"))
        elif name == "base" and base_href is None and "href" in tag.attrs:
            base_href = _attr(tag, "href")
        elif name == "title" and title_tag is None:
            title_tag = tag
        elif name == "link" and canonical_href is None and "canonical" in _attr(tag, "rel").lower().split():
            canonical_href = _attr(tag, "href") or None
        elif name == "div" and "hidden" in tag.attrs and _STREAMED_ID.match(_attr(tag, "id")):
            streamed["B:" + _attr(tag, "id")[2:]] = tag

    base = (_absolute(url, base_href) if base_href else None) or url
    title = collapse(title_tag.get_text()) if title_tag is not None else ""
    canonical = _absolute(base, canonical_href) if canonical_href else None
    links: dict[str, None] = {}
    for href in hrefs:
        target = _absolute(base, href)
        if target is not None:
            links.setdefault(target, None)

    walker = _Walker(url, streamed)
    body = soup.body if soup.body is not None else soup
    walker.walk(body)
    return PageText(title=title or None, canonical=canonical, links=list(links), blocks=walker.blocks)


# --- site-wide boilerplate ---------------------------------------------------------------------


def boilerplate_texts(pages: Sequence[PageText], min_share: float = 0.5, min_pages: int = 3) -> set[str]:
    """Block texts that repeat across a site: on at least ``min_pages`` pages and on at least
    ``min_share`` of all pages (each page counted once per text, whatever the block's role).

    A crawl checks each of these texts once for the site (e.g. attributed to the first page that
    has it) and leaves them out of every page's own check, so a footer tagline or a call to action
    makes one finding, not one per page. Below ``min_pages`` pages nothing is boilerplate.
    """
    if not pages:
        return set()
    needed = max(min_pages, math.ceil(min_share * len(pages)))
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({block.text for block in page.blocks})
    return {text for text, n in counts.items() if n >= needed}
