"""The run history of website crawls, in one SQLite file (default ``.msgcheck/history.sqlite``).

    runs           one row per crawl; ``complete`` is set by the same transaction that stores
                   the run's pages and findings, so a crawl killed halfway leaves a run row with
                   complete = 0 and no pages, and every earlier run intact
    pages          per run and URL: final URL, status, ETag, Last-Modified, content hash, the key
                   its findings were computed under, and the page's result (JSON)
    contents       what was extracted from a page (title, canonical, links, text blocks), once
                   per content hash, so a 304 page can be re-checked without fetching it
    findings       per run: a stable key = hash(kind, message id, normalized text, source) and
                   the finding (JSON), for new / fixed / still-open comparisons
    claim_vectors  sentence vectors per embedder fingerprint, so a changed page only embeds its
                   new sentences

The file is opened in WAL mode: readers (``msgcheck history``) never block a crawl.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from .errors import UsageError
from .models import AssetResult, Finding, Kind, Location, Severity, TextBlock

DEFAULT_PATH = Path(".msgcheck") / "history.sqlite"
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started TEXT NOT NULL,
    finished TEXT,
    start_url TEXT NOT NULL,
    origin TEXT NOT NULL,
    platform_hash TEXT NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0,
    pages INTEGER,
    errors INTEGER,
    by_kind TEXT,
    previous_run INTEGER,
    new_count INTEGER,
    fixed_count INTEGER,
    open_count INTEGER
);
CREATE TABLE IF NOT EXISTS pages (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    url TEXT NOT NULL,
    final_url TEXT NOT NULL,
    status INTEGER,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    check_key TEXT,
    error TEXT,
    result TEXT,
    PRIMARY KEY (run_id, url)
);
CREATE TABLE IF NOT EXISTS contents (hash TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS findings (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    key TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE TABLE IF NOT EXISTS claim_vectors (
    fingerprint TEXT NOT NULL,
    text TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (fingerprint, text)
);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def finding_key(kind: str, message_id: str | None, text: str, source: str) -> str:
    """The identity of a finding across runs: kind, message, normalized text and source."""
    norm = re.sub(r"\s+", " ", text).strip().lower()
    raw = json.dumps([kind, message_id or "", norm, source])
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


def is_problem(kind: str) -> bool:
    """Findings that ask for a fix (everything but ``aligned``); these are compared across runs."""
    return kind != Kind.ALIGNED.value


def finding_from_dict(d: dict[str, Any]) -> Finding:
    loc = d.get("location") or {}
    return Finding(
        kind=Kind(d["kind"]),
        severity=Severity(d["severity"]),
        text=d["text"],
        location=Location(
            slide=loc.get("slide"), shape=loc.get("shape"), notes=loc.get("notes"),
            url=loc.get("url"), heading=loc.get("heading"), css_path=loc.get("css_path"),
        ),
        message_id=d.get("message_id"),
        similarity=d.get("similarity"),
        reason=d.get("reason"),
        suggestion=d.get("suggestion"),
    )


def result_from_dict(d: dict[str, Any]) -> AssetResult:
    return AssetResult(
        source=d["source"],
        type=d["type"],
        error=d.get("error"),
        findings=tuple(finding_from_dict(f) for f in d.get("findings", [])),
        missing=tuple(d.get("missing", [])),
        claims=int(d.get("claims", 0)),
    )


def blocks_to_json(blocks: Iterable[TextBlock]) -> list[list[Any]]:
    return [[b.text, b.role, b.location.url, b.location.heading, b.location.css_path] for b in blocks]


def blocks_from_json(rows: Iterable[list[Any]]) -> list[TextBlock]:
    return [TextBlock(t, Location(url=u, heading=h, css_path=c), role) for t, role, u, h, c in rows]


@dataclass(frozen=True)
class RunInfo:
    id: int
    started: str
    finished: str | None
    start_url: str
    origin: str
    platform_hash: str
    complete: bool
    pages: int | None
    errors: int | None
    by_kind: dict[str, int]
    previous_run: int | None
    new: int | None
    fixed: int | None
    open: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.id, "started": self.started, "finished": self.finished,
            "start_url": self.start_url, "complete": self.complete, "pages": self.pages,
            "errors": self.errors, "by_kind": self.by_kind, "previous_run": self.previous_run,
            "new": self.new, "fixed": self.fixed, "open": self.open,
        }


@dataclass(frozen=True)
class PageRecord:
    """One page as stored for a run (what the next run needs to reuse it)."""

    url: str
    final_url: str
    status: int | None
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    check_key: str | None
    error: str | None
    result: dict[str, Any] | None


class ClaimVectors(MutableMapping[str, np.ndarray]):
    """Engine.claim_vectors backed by the history file: text -> vector for one embedder.

    ``fingerprint`` is asked for on first use (so the model is loaded only if something is checked).
    New vectors are kept in memory and written by the run's commit.
    """

    def __init__(self, conn: sqlite3.Connection, fingerprint: Callable[[], str]) -> None:
        self._conn = conn
        self._fingerprint_fn = fingerprint
        self._fingerprint: str | None = None
        self.pending: dict[str, np.ndarray] = {}  # new this run: written by flush
        self._loaded: dict[str, np.ndarray] = {}  # read from the file: already stored

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = self._fingerprint_fn()
        return self._fingerprint

    def __getitem__(self, text: str) -> np.ndarray:
        if text in self.pending:
            return self.pending[text]
        if text in self._loaded:
            return self._loaded[text]
        row = self._conn.execute(
            "SELECT vector FROM claim_vectors WHERE fingerprint = ? AND text = ?", (self.fingerprint, text)
        ).fetchone()
        if row is None:
            raise KeyError(text)
        vec = np.frombuffer(row[0], dtype=np.float32).copy()
        self._loaded[text] = vec  # kept in memory for the rest of the run; flush writes only new ones
        return vec

    def __contains__(self, text: object) -> bool:
        try:
            self[text]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def __setitem__(self, text: str, vec: np.ndarray) -> None:
        self.pending[text] = np.asarray(vec, dtype=np.float32)

    def __delitem__(self, text: str) -> None:
        raise TypeError("claim vectors are not deleted one by one")

    def __iter__(self) -> Iterator[str]:
        return iter({**self._loaded, **self.pending})

    def __len__(self) -> int:
        return len({**self._loaded, **self.pending})

    def flush(self) -> None:
        """Write the vectors of this run (inside the caller's transaction)."""
        if self._fingerprint is None or not self.pending:
            return
        self._conn.executemany(
            "INSERT OR IGNORE INTO claim_vectors (fingerprint, text, vector) VALUES (?, ?, ?)",
            [(self._fingerprint, t, v.tobytes()) for t, v in self.pending.items()],
        )


class History:
    """The history file. Open with ``History.open(path)``; use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | Path | None = None, *, create: bool = True) -> History:
        p = Path(path) if path is not None else DEFAULT_PATH
        if not create and not p.exists():
            raise UsageError(f"{p}: no history file", hint="run `msgcheck crawl` first, or pass --history FILE")
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(p), isolation_level=None, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(_SCHEMA)
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None:
                conn.execute("INSERT INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                raise UsageError(
                    f"{p}: history schema {row[0]} is not the one this msgcheck writes ({SCHEMA_VERSION})",
                    hint="pass another --history FILE",
                )
        except (sqlite3.DatabaseError, OSError) as exc:
            raise UsageError(f"{p}: cannot open the history file: {exc}",
                             hint="pass another --history FILE, or delete this one") from None
        return cls(conn, p)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- reading -------------------------------------------------------------------------

    def _run(self, row: sqlite3.Row | tuple[Any, ...]) -> RunInfo:
        (id_, started, finished, start_url, origin, phash, complete, pages, errors, by_kind,
         prev, new, fixed, open_) = row
        return RunInfo(id_, started, finished, start_url, origin, phash, bool(complete), pages, errors,
                       json.loads(by_kind) if by_kind else {}, prev, new, fixed, open_)

    _RUN_COLS = ("id, started, finished, start_url, origin, platform_hash, complete, pages, errors, by_kind, "
                 "previous_run, new_count, fixed_count, open_count")

    def runs(self, limit: int | None = None) -> list[RunInfo]:
        """All runs, newest first."""
        sql = f"SELECT {self._RUN_COLS} FROM runs ORDER BY id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [self._run(r) for r in self.conn.execute(sql)]

    def last_complete(self, origin: str, before: int | None = None) -> RunInfo | None:
        sql = f"SELECT {self._RUN_COLS} FROM runs WHERE complete = 1 AND origin = ?"
        args: list[Any] = [origin]
        if before is not None:
            sql += " AND id < ?"
            args.append(before)
        row = self.conn.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone()
        return self._run(row) if row else None

    def pages(self, run_id: int) -> dict[str, PageRecord]:
        """The pages of a run, by final URL."""
        out: dict[str, PageRecord] = {}
        for r in self.conn.execute(
            "SELECT url, final_url, status, etag, last_modified, content_hash, check_key, error, result "
            "FROM pages WHERE run_id = ?", (run_id,)
        ):
            rec = PageRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], json.loads(r[8]) if r[8] else None)
            if rec.final_url not in out or out[rec.final_url].result is None:
                out[rec.final_url] = rec  # a checked page wins over a redirect that ends at it
        return out

    def content(self, content_hash: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT data FROM contents WHERE hash = ?", (content_hash,)).fetchone()
        return json.loads(row[0]) if row else None

    def findings(self, run_id: int) -> dict[str, dict[str, Any]]:
        """key -> finding dict (with "source") of a run."""
        return {k: json.loads(d) for k, d in self.conn.execute("SELECT key, data FROM findings WHERE run_id = ?", (run_id,))}

    def claim_vectors(self, fingerprint: Callable[[], str]) -> ClaimVectors:
        return ClaimVectors(self.conn, fingerprint)

    # ---- writing -------------------------------------------------------------------------

    def begin_run(self, start_url: str, origin: str, platform_hash: str) -> int:
        """Record that a run started (complete = 0 until ``finish_run`` commits it)."""
        cur = self.conn.execute(
            "INSERT INTO runs (started, start_url, origin, platform_hash) VALUES (?, ?, ?, ?)",
            (_now(), start_url, origin, platform_hash),
        )
        return int(cur.lastrowid or 0)

    def finish_run(
        self,
        run_id: int,
        *,
        origin: str,
        pages: Iterable[PageRecord],
        contents: dict[str, dict[str, Any]],
        results: Iterable[AssetResult],
        vectors: ClaimVectors | None = None,
        previous_run: int | None = None,
        counts: tuple[int, int, int] | None = None,
        fail_after: Callable[[], None] | None = None,
    ) -> None:
        """Store the run's pages, contents, findings and vectors and mark it complete: one transaction.

        ``fail_after`` is called inside the transaction after the pages are written (tests use it
        to show that a failure there leaves nothing behind).
        """
        results = list(results)
        pages = list(pages)
        by_kind: dict[str, int] = {}
        for r in results:
            for f in r.findings:
                by_kind[f.kind.value] = by_kind.get(f.kind.value, 0) + 1
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.executemany(
                "INSERT OR REPLACE INTO pages (run_id, url, final_url, status, etag, last_modified, content_hash, "
                "check_key, error, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(run_id, p.url, p.final_url, p.status, p.etag, p.last_modified, p.content_hash, p.check_key,
                  p.error, json.dumps(p.result) if p.result is not None else None) for p in pages],
            )
            if fail_after is not None:
                fail_after()
            self.conn.executemany(
                "INSERT OR IGNORE INTO contents (hash, data) VALUES (?, ?)",
                [(h, json.dumps(d)) for h, d in contents.items()],
            )
            rows = []
            for r in results:
                for f in r.findings:
                    d = f.to_dict()
                    d["source"] = r.source
                    rows.append((run_id, finding_key(d["kind"], d["message_id"], d["text"], r.source),
                                 r.source, d["kind"], json.dumps(d)))
            self.conn.executemany(
                "INSERT OR IGNORE INTO findings (run_id, key, source, kind, data) VALUES (?, ?, ?, ?, ?)", rows
            )
            if vectors is not None:
                vectors.flush()
            new, fixed, open_ = counts if counts is not None else (None, None, None)
            self.conn.execute(
                "UPDATE runs SET finished = ?, origin = ?, complete = 1, pages = ?, errors = ?, by_kind = ?, "
                "previous_run = ?, new_count = ?, fixed_count = ?, open_count = ? WHERE id = ?",
                (_now(), origin, len(pages), sum(1 for p in pages if p.error), json.dumps(by_kind), previous_run,
                 new, fixed, open_, run_id),
            )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise


def compare(previous: dict[str, dict[str, Any]], current: dict[str, dict[str, Any]],
            rechecked: set[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int, int]:
    """new, fixed, still-open count, not-rechecked count between two runs' findings (problems only).

    A previous finding counts as fixed only when its source was checked again this run (a page that
    failed or was not reached says nothing about whether its findings were fixed).
    """
    prev = {k: v for k, v in previous.items() if is_problem(v["kind"])}
    cur = {k: v for k, v in current.items() if is_problem(v["kind"])}
    new = [cur[k] for k in cur if k not in prev]
    fixed = [prev[k] for k in prev if k not in cur and prev[k]["source"] in rechecked]
    unknown = sum(1 for k in prev if k not in cur and prev[k]["source"] not in rechecked)
    still = sum(1 for k in cur if k in prev)
    key = lambda d: (d["source"], d["kind"], d["text"])  # noqa: E731
    return sorted(new, key=key), sorted(fixed, key=key), still, unknown


def current_findings(results: Iterable[AssetResult]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for r in results:
        for f in r.findings:
            d = f.to_dict()
            d["source"] = r.source
            out[finding_key(d["kind"], d["message_id"], d["text"], r.source)] = d
    return out
