"""URL canonicalisation and scope, so that every page of a site is fetched and checked once.

Two forms of a URL are used:

* ``normalize(url)`` is the URL the crawler fetches: scheme and host lower-cased, the default port
  dropped, the fragment and tracking parameters (utm_*, gclid, fbclid, ...) removed, ``.``/``..``
  segments resolved, percent-escapes tidied. It keeps the path as linked (trailing slash or not),
  because servers tell those apart.
* ``url_key(url)`` is the identity used to decide "already seen": the normalized URL without a
  trailing slash (except the root) and with its query parameters sorted.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only track the visitor; they never change the page.
TRACKING_PARAMS = frozenset(
    {
        "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "yclid", "twclid",
        "ttclid", "igshid", "li_fat_id", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi",
        "hsctatracking", "mkt_tok", "vero_id", "vero_conv", "oly_anon_id", "oly_enc_id",
        "rb_clickid", "s_cid", "srsltid", "ref_src", "spm",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")

_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")
# Characters left as they are in a path (RFC 3986 unreserved + sub-delims + ":" "@" "/" "%").
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"


def is_tracking_param(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def tidy_escapes(text: str) -> str:
    """Upper-case percent-escapes and decode the ones that stand for unreserved characters."""

    def fix(m: re.Match[str]) -> str:
        char = chr(int(m.group(0)[1:], 16))
        if char.isascii() and (char.isalnum() or char in "-._~"):
            return char
        return m.group(0).upper()

    return _ESCAPE.sub(fix, text)


def _clean_path(path: str) -> str:
    if not path:
        return "/"
    trailing = path.endswith("/") or path.endswith("/.") or path.endswith("/..")
    resolved = posixpath.normpath(path)
    # normpath keeps a leading "//" and drops the trailing slash; put the slash back.
    if resolved.startswith("//"):
        resolved = "/" + resolved.lstrip("/")
    if resolved == ".":
        resolved = "/"
    if trailing and not resolved.endswith("/"):
        resolved += "/"
    return tidy_escapes(quote(resolved, safe=_PATH_SAFE))


def normalize(url: str, base: str | None = None) -> str:
    """The fetchable form of ``url`` (resolved against ``base`` when given); see the module doc.

    Raises ValueError for a URL that is not http(s) or has no host.
    """
    if base is not None:
        url = urljoin(base, url.strip())
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise ValueError(f"not an http(s) URL: {url}")
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        raise ValueError(f"URL has no host: {url}")
    port = parts.port  # raises ValueError for a bad port
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query_pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    query = urlencode(query_pairs, doseq=True) if query_pairs else ""
    return urlunsplit((scheme, netloc, _clean_path(parts.path), query, ""))


def url_key(url: str) -> str:
    """The identity of a page: normalized, no trailing slash (except the root), sorted query."""
    parts = urlsplit(normalize(url))
    path = parts.path
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True))) if parts.query else ""
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def origin(url: str) -> str:
    """scheme://host[:port] of a URL (normalized: no default port)."""
    parts = urlsplit(normalize(url))
    return f"{parts.scheme}://{parts.netloc}"


def host_port(url: str) -> str:
    """host[:port] of a URL, as used by --allow-host (the default port is left out)."""
    return urlsplit(normalize(url)).netloc


def path_and_query(url: str) -> str:
    """The part robots.txt rules are matched against: path plus ?query, percent-escapes kept."""
    parts = urlsplit(url)
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path
