"""robots.txt (RFC 9309) and sitemaps: pure parsing, no network.

Why not ``urllib.robotparser``: it applies the first rule that matches in file order, so
``Disallow: /internal/`` followed by ``Allow: /internal/press/`` blocks the press pages, and it
knows neither ``*`` nor ``$`` in paths. RFC 9309 (and Google, Bing) use the *longest* matching
rule, with Allow winning a tie; this module does that.

Sitemaps: ``<urlset>`` and ``<sitemapindex>`` documents (any namespace), gzipped or not, and the
plain-text form (one URL per line). Parsing never resolves entities or touches the network, and a
gzipped sitemap is never inflated past a size limit.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from .urls import tidy_escapes

ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309 §2.5: parse at least 500 KiB
SITEMAP_MAX_BYTES = 50 * 1024 * 1024  # sitemaps.org: 50 MB uncompressed


@dataclass(frozen=True)
class Rule:
    allow: bool
    pattern: str
    regex: re.Pattern[str]

    @property
    def length(self) -> int:
        return len(self.pattern)


@dataclass
class _Group:
    agents: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    crawl_delay: float | None = None


def _compile(pattern: str) -> re.Pattern[str]:
    anchored = pattern.endswith("$")
    body = pattern[:-1] if anchored else pattern
    regex = ".*".join(re.escape(part) for part in tidy_escapes(body).split("*"))
    return re.compile(regex + ("$" if anchored else ""), re.DOTALL)


def product_token(user_agent: str) -> str:
    """'msgcheck/0.1.0 (+https://…)' -> 'msgcheck' (the name robots.txt groups are matched on)."""
    token = re.match(r"[A-Za-z_-]+", user_agent.strip())
    return token.group(0).lower() if token else user_agent.strip().lower()


class Robots:
    """The rules of one robots.txt for one user agent."""

    def __init__(self, rules: list[Rule], crawl_delay: float | None = None, sitemaps: list[str] | None = None,
                 disallow_all: bool = False, note: str | None = None) -> None:
        self.rules = rules
        self.crawl_delay = crawl_delay
        self.sitemaps = sitemaps or []
        self.disallow_all = disallow_all
        self.note = note  # why the rules are what they are, when not read from a file

    @classmethod
    def allow_all(cls, note: str | None = None) -> Robots:
        return cls([], note=note)

    @classmethod
    def deny_all(cls, note: str) -> Robots:
        return cls([], disallow_all=True, note=note)

    @classmethod
    def parse(cls, text: str, user_agent: str) -> Robots:
        """Parse robots.txt ``text`` and keep the group that applies to ``user_agent``."""
        groups: list[_Group] = []
        sitemaps: list[str] = []
        current: _Group | None = None
        in_agents = False
        for raw in text[:ROBOTS_MAX_BYTES].splitlines():
            line = raw.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            key, value = (s.strip() for s in line.split(":", 1))
            key = key.lower().replace("_", "-")
            if key == "sitemap":
                if value:
                    sitemaps.append(value)
                continue
            if key in ("user-agent", "useragent"):
                if not in_agents or current is None:
                    current = _Group()
                    groups.append(current)
                current.agents.append(value.lower())
                in_agents = True
                continue
            if current is None:
                continue  # a rule before any user-agent line belongs to no group
            in_agents = False
            if key in ("allow", "disallow"):
                if not value:
                    continue  # "Disallow:" with nothing means no rule
                if not value.startswith(("/", "*")):
                    value = "/" + value
                current.rules.append(Rule(key == "allow", value, _compile(value)))
            elif key == "crawl-delay":
                try:
                    delay = float(value)
                except ValueError:
                    continue
                if delay >= 0:
                    current.crawl_delay = delay
        token = product_token(user_agent)
        chosen = [g for g in groups if token in g.agents]
        if not chosen:
            chosen = [g for g in groups if "*" in g.agents]
        rules = [r for g in chosen for r in g.rules]
        delays = [g.crawl_delay for g in chosen if g.crawl_delay is not None]
        return cls(rules, crawl_delay=max(delays) if delays else None, sitemaps=sitemaps)

    def allowed(self, path: str) -> bool:
        """May ``path`` (path + query of a URL) be fetched? Longest match wins; Allow wins ties."""
        if path == "/robots.txt":
            return True
        if self.disallow_all:
            return False
        path = tidy_escapes(path or "/")
        best: Rule | None = None
        for rule in self.rules:
            if rule.regex.match(path) and (
                best is None or rule.length > best.length or (rule.length == best.length and rule.allow)
            ):
                best = rule
        return best is None or best.allow


@dataclass(frozen=True)
class Sitemap:
    """A parsed sitemap: ``index`` is True for a sitemap index, whose ``urls`` are more sitemaps."""

    urls: list[str]
    index: bool = False


def gunzip_bounded(data: bytes, limit: int = SITEMAP_MAX_BYTES) -> bytes:
    """Inflate gzip ``data``, refusing to produce more than ``limit`` bytes (a gzip bomb)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit:
        raise ValueError(f"gzipped sitemap inflates past {limit // (1024 * 1024)} MB")
    return out


def parse_sitemap(data: bytes) -> Sitemap:
    """Parse a sitemap or sitemap index (XML or plain text; gzipped data is inflated first).

    Raises ValueError for data that is none of these.
    """
    if data[:2] == b"\x1f\x8b":
        data = gunzip_bounded(data)
    stripped = data.lstrip()
    if stripped.startswith(b"\xef\xbb\xbf"):
        stripped = stripped[3:].lstrip()
    if not stripped.startswith(b"<"):
        text = stripped.decode("utf-8", errors="replace")
        urls = [ln.strip() for ln in text.splitlines() if ln.strip().startswith(("http://", "https://"))]
        if not urls and stripped:
            raise ValueError("not a sitemap (neither XML nor a list of URLs)")
        return Sitemap(urls)
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(stripped, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"sitemap is not valid XML: {exc}") from exc
    if root is None:
        raise ValueError("sitemap is empty or not XML")
    tag = etree.QName(root).localname.lower()
    if tag not in ("urlset", "sitemapindex"):
        raise ValueError(f"not a sitemap: root element <{tag}>")
    child = "sitemap" if tag == "sitemapindex" else "url"
    urls: list[str] = []
    for entry in root:
        if not isinstance(entry.tag, str) or etree.QName(entry).localname.lower() != child:
            continue
        for loc in entry:
            if isinstance(loc.tag, str) and etree.QName(loc).localname.lower() == "loc" and loc.text:
                urls.append(loc.text.strip())
    return Sitemap(urls, index=tag == "sitemapindex")
