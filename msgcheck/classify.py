"""Give a claim its semantic verdict: aligned, drift, off_message or retired (contract §3).

1. Similarity (cosine of unit vectors) ranks the platform's wordings for the claim.
2. Near no wording (best approved and retired below ``topic``): off_message.
3. Nearest to a retired statement, and clearly so: retired.
4. Otherwise the top approved candidates within ``margin`` of the best are compared
   symbolically (msgcheck.compare). A candidate with no difference and similarity at least
   ``aligned`` makes the claim aligned; else the closest candidate's differences make it drift.
   A claim about a message (similarity ≥ ``topic``) with no difference but not close enough to be
   the same message is off_message.

Every verdict carries its reason and the approved wording to use instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .compare import (TAKE_OUT, Difference, Quantity, bases, compare, ends_what_is_cut, from_afar, ideas,
                      may_contradict_from_afar, name_words, promises_an_end, quantities)
from .models import Finding, Kind, Location, Platform, Wording


@dataclass(frozen=True)
class Thresholds:
    # thresholds on the score = cosine + lexical × shared-rare-words share (tuned on the eval dev split)
    topic: float = 0.55      # below this, the claim is about no message
    aligned: float = 0.60    # at least this, with no symbolic difference, it says the same thing
    retired: float = 0.62    # at least this to a retired statement
    retired_near: float = 0.40  # … or at least this, when the retired statement is clearly the nearest wording:
    retired_lead: float = 0.08  # this far ahead of every approved one
    margin: float = 0.08     # candidates within this of the best are compared too
    top_k: int = 4
    lexical: float = 0.3     # weight of the shared-rare-words share added to the cosine
    token_weight: float = 0.35  # share of the token alignment (token_f1) in the similarity, beside the cosine
    figure: float = 0.3      # added to the score of a wording that states one of the claim's figures
    figure_window: float = 0.15  # … when its score is within this of the best
    idea_floor: float = 0.35  # a shared idea alone ("free") lifts only a wording at least this near
    afar_floor: float = 0.2  # below topic, a contradiction read from afar (compare.from_afar) ties to a wording this near
    contradiction_floor: float = 0.45  # below topic but at least this, a plain contradiction of the nearest wording drifts
    second_look: float = 0.15  # a retired wording this near the best approved one is weighed when every approved one differs


def token_f1(claim: np.ndarray, tokens: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """For each wording, how well the claim's tokens and the wording's tokens cover each other (the
    F1 of BERTScore, on the model's own token vectors): every token is matched to its most similar
    token on the other side; recall averages over the wording's tokens, precision over the claim's.

    ``tokens`` holds every wording's unit token vectors end to end, ``starts`` where each begins.
    Paraphrases that share few words still match token by token ("hosed down" / "washdowns"), so
    this separates a reworded message from a claim on its topic better than the pooled cosine.
    """
    return token_f1_many([claim], tokens, starts)[0]


def token_f1_many(claims: Sequence[np.ndarray], tokens: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """``token_f1`` for many claims at once: one matrix product over every claim token and every
    wording token, then the best match within each claim's and each wording's run. (claims, wordings)."""
    c_starts = np.concatenate([[0], np.cumsum([len(c) for c in claims])[:-1]]).astype(np.int64)
    c_len = np.array([len(c) for c in claims], dtype=np.float32)
    w_len = np.diff(np.append(starts, tokens.shape[0])).astype(np.float32)
    s = np.concatenate(claims) @ tokens.T  # (all claim tokens, all wording tokens)
    # precision: each claim token's best wording token; recall: each wording token's best claim token
    precision = np.add.reduceat(np.maximum.reduceat(s, starts, axis=1), c_starts, axis=0) / c_len[:, None]
    recall = np.add.reduceat(np.maximum.reduceat(s, c_starts, axis=0), starts, axis=1) / w_len[None, :]
    precision, recall = np.clip(precision, 0.0, None), np.clip(recall, 0.0, None)
    return (2 * precision * recall / np.clip(precision + recall, 1e-9, None)).astype(np.float32)


def _brand_words(platform: Platform) -> set[str]:
    """The words the company and product are named with: the company's capitalised words and the
    capitalised words that open the platform's name ("Keel Sentinel messaging platform")."""
    words = {w.lower() for w in (platform.company or "").split() if w[:1].isupper()}
    for w in platform.name.split():
        if not w[:1].isupper():
            break
        words.add(w.lower())
    return words


def own_names(platform: Platform) -> tuple[str, ...]:
    """The company's and product's own names: in nearly every sentence, they say nothing about meaning.

    Only terminology entries that share a word with the company or product name count: "IP68",
    "QuickBooks" or "APY" are terms too, but they carry meaning and stay in the text.
    """
    brand = _brand_words(platform)
    lower_words = {w for x in platform.wordings() for w in re.findall(r"\b[a-z][\w-]*", x.text)}
    names: list[str] = []
    for t in platform.terminology:
        words = {w.lower() for w in t.term.split()}
        if not t.term[:1].isupper() or not (words & brand or t.term.lower().replace(" ", "") in brand):
            continue
        names.append(t.term)
        names.extend(t.avoid)
        first, last = t.term.split()[0], t.term.split()[-1]
        if len(t.term.split()) > 1 and first[:1].isupper():
            names.append(first)
        # the product's own word, said alone ("Pulse", "Sentinel") — not a common word the platform
        # also uses in lower case ("Fernway Business", "a business account")
        if len(t.term.split()) > 1 and last[:1].isupper() and last.lower() not in lower_words \
                and t.term != platform.company:  # "Keel Systems": "systems" is a word
            names.append(last)
    if platform.company:
        names.append(platform.company)
        names.append(platform.company.split()[0])
    return tuple(dict.fromkeys(n for n in names if len(n) > 2))


def name_masker(platform: Platform) -> "re.Pattern[str] | None":
    names = sorted(own_names(platform), key=len, reverse=True)
    if not names:
        return None
    alts = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alts})(?:['’]s)?(?![\w-])", re.I)


# Business abbreviations the small model reads poorly; spelled out before embedding.
ABBREVIATIONS = {
    "POS": "point-of-sale", "SLA": "service level agreement", "SLAs": "service level agreements",
    "KPI": "key performance indicator", "KPIs": "key performance indicators", "ROI": "return on investment",
    "SMB": "small business", "SMBs": "small businesses", "TCO": "total cost of ownership",
    "SSO": "single sign-on", "MFA": "multi-factor authentication", "ERP": "enterprise resource planning",
    "CRM": "customer relationship management", "BI": "business intelligence", "ML": "machine learning",
    "FAQ": "frequently asked questions", "HQ": "headquarters", "24/7": "around the clock",
}
_ABBREV = re.compile(r"(?<![\w/-])(" + "|".join(re.escape(k) for k in ABBREVIATIONS) + r")(?![\w/-])")


def mask_names(text: str, pattern: "re.Pattern[str] | None") -> str:
    """``text`` as it is embedded for matching: the company's own names masked out, and common
    business abbreviations spelled out ("POS" → "point-of-sale")."""
    out = _ABBREV.sub(lambda m: ABBREVIATIONS[m.group(1)], text)
    if pattern is None:
        return out
    masked = " ".join(pattern.sub(" ", out).split())
    return masked if len(masked) >= 3 else out


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    wording: Wording | None
    similarity: float | None
    differences: tuple[Difference, ...] = ()
    reason: str | None = None
    suggestion: str | None = None

    def finding(self, text: str, location: Location) -> Finding:
        return Finding(
            kind=self.kind,
            severity=self.kind.default_severity,
            text=text,
            location=location,
            message_id=self.wording.message_id if self.wording else None,
            similarity=self.similarity,
            reason=self.reason,
            suggestion=self.suggestion,
        )


# --- the platform's wordings, and clauses of the long ones ----------------------------------

_CLAUSE_SPLIT = re.compile(r"\s*(?:;|:|\s[—–]\s|,\s*so\s|\sso\s(?=\w+\s)|,\s*and\s|\sinstead of\s|,\s*while\s|"
                           r"\s(?:that|which)\s(?=gives|gets|warns|keeps|lets|helps|makes))\s*", re.I)
_CONTENT = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)?")


def clauses(text: str) -> list[str]:
    """The clauses of a long wording that can stand alone (≥ 4 words each); [] for a short one."""
    if len(text.split()) < 12:
        return []
    parts = [p.strip(" ,.") for p in _CLAUSE_SPLIT.split(text)]
    parts = [p for p in parts if len(p.split()) >= 4]
    return parts if len(parts) >= 2 else []


def expand_wordings(platform: Platform) -> tuple[Wording, ...]:
    """Every wording of the platform, then the clauses of its long ones (same message id and role).

    "Keel Sentinel is priced per plant, not per sensor, so adding sensors never raises your
    subscription." also matches as "Keel Sentinel is priced per plant, not per sensor" and "adding
    sensors never raises your subscription": a claim that says one half is matched with that half.
    """
    base = platform.wordings()
    extra = [Wording(c, w.message_id, w.role) for w in base for c in clauses(w.text)]
    seen = {w.text for w in base}
    return base + tuple(w for w in extra if not (w.text in seen or seen.add(w.text)))  # type: ignore[func-returns-value]


def _stem(word: str) -> str:
    """A light stem: "cabling" and "cables", "magnetically" and "magnet", "freezer" and "freezing"."""
    for suffix in ("es", "s"):  # the plural first, then one ending: "cablings" and "cables" alike
        if len(word) > len(suffix) + 3 and word.endswith(suffix) and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    for suffix in ("ically", "ally", "ation", "ing", "er", "ly", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


_STOPWORDS = set(
    """a an the and or of to in on for with by at from as is are be was were it its this that these those
    your our their you we they us them my i he she his her can will would could should may might must do
    does did so than then there here have has had into over per via just also more most very up out about
    all every each any new get gets got make makes one no not never without""".split()
)


# words and phrases that say the same thing, counted as one word by the overlap ("gets a yes on the
# spot" shares "approve" and "instantly" with "approves every business instantly")
_SAME_WORD = [(re.compile(p), w) for p, w in (
    (r"\b(?:immediately|instantly|instant|right away|straight away|on the spot|the moment)\b", "instantly"),
    (r"\b(?:approv\w*|gets? an? (?:immediate |instant )?yes|says? yes)\b", "approve"),
    (r"\b(?:breakdowns?|faults?|failures?|fails?|failing|(?:about|going) to (?:break|fail|go)|gives? out)\b", "failure"),
    (r"\b(?:predicts?|predicting|sees? (?:it|them|every \w+) coming|ahead of time|before it happens)\b", "predict"),
    (r"\b(?:cells?|batteries|battery)\b", "battery"),
    (r"\b(?:free of charge|at no (?:extra )?(?:cost|charge)|no charge|costs? nothing|for free|(?:are|is) on us|"
     r"on the house)\b", "free"),
    (r"\b(?:recalculat\w*|recomput\w*|refresh\w*|updat\w*|brought up to date|(?:bring|brings) \w+ up to date)\b", "update"),
    (rf"{TAKE_OUT}|\bwithdraw\w*\b", "withdraw"),
    (r"\b(?:vendors?|suppliers?)\b", "supplier"),
    (r"\b(?:locations?|sites?|shops?|stores?|branch(?:es)?|chains?)\b", "store"),
    (r"\b(?:wash-?downs?|hose-?downs?|hos(?:e|ed|es|ing)(?: it| them)? down|hosed-down|jet-?wash\w*|pressure[- ]wash\w*)\b",
     "washdown"),
    (r"\b(?:dusty|grime|grimy|dirt|dirty|grit|gritty)\b", "dust"),
    # offline in other words: "Wi-Fi dropped in the stockroom", "lost signal", "signal dead"
    (r"\b(?:offline|no (?:signal|connection|wi-?fi|internet)|(?:signal|connection|wi-?fi|internet) (?:drops?|dropped|dies|died|"
     r"is dead|goes down|went down|cuts? out|dropped out)|lost (?:the |your )?(?:signal|connection|wi-?fi)|(?:signal|wi-?fi) dead)\b",
     "offline"),
    (r"\b(?:keeps? (?:on )?(?:working|going|running)|carr(?:y|ies) on|works? regardless|surviv\w*|takes? (?:it|them) (?:all )?in (?:its |their )?stride)\b",
     "keepworking"),
    (r"\b(?:sync\w*|catch(?:es)? up|catching up)\b", "sync"),
    (r"\b(?:magnet\w*|clamps? on|snaps? on|sticks? on)\b", "magnet"),
    (r"\b(?:electricians?|sparky|sparkies)\b", "electrician"),
    (r"\b(?:cables?|cabling|wires?|wiring|wire up)\b", "cable"),
    (r"\b(?:sql|query language|write a query|writing queries)\b", "sql"),
    (r"\b(?:running low|low[- ]stock|low on stock|runs low)\b", "lowstock"),
    (r"\b(?:alerts?|alerted|alerting|heads-?ups?|warn(?:s|ed|ing|ings)?|notif(?:y|ies|ied|ication|ications))\b", "alert"),
    (r"\b(?:build|builds|building|built|put together|puts together|assembl\w*)\b", "build"),
    (r"\b(?:encrypt\w*|scrambl\w*)\b", "encrypt"),
    (r"\b(?:at rest|in storage|while (?:it's|they're|it is|they are) stored|when stored)\b", "atrest"),
    (r"\b(?:in transit|on the wire|in motion|while (?:it|they) (?:moves?|travels?)|on the move)\b", "intransit"),
    (r"\b(?:freez\w*|sub-?zero|cold rooms?|cold stores?|deep-?freeze)\b", "freezing"),
)]


def content_words(text: str, names: "re.Pattern[str] | None" = None) -> set[str]:
    """Stemmed content words of ``text`` (numbers kept, stop words and own names dropped; words of
    the same meaning in ``_SAME_WORD`` counted as one)."""
    if names is not None:
        text = names.sub(" ", text)
    text = text.lower()
    for pattern, word in _SAME_WORD:
        text = pattern.sub(word, text)
    return {_stem(t) for t in _CONTENT.findall(text.replace("-", " ")) if t not in _STOPWORDS}


def _telling(q: Quantity) -> bool:
    """A figure specific enough to tie a claim to a message: not a bare 1 or 2 of something."""
    return q.dimension != "count" or abs(q.value) >= 3


class Classifier:
    """Holds the platform's wordings and their vectors; judges claims one vector at a time.

    Wordings are ranked by ``score`` = cosine + ``lexical`` × (share of the wording's rare words,
    weighted by inverse document frequency over the platform, that the claim uses too).
    """

    def __init__(self, platform: Platform, wordings: tuple[Wording, ...], vectors: np.ndarray,
                 thresholds: Thresholds | None = None, tokens: Sequence[np.ndarray] | None = None) -> None:
        self.platform = platform
        self.wordings = wordings
        self.vectors = vectors
        self.t = thresholds or Thresholds()
        # the wordings' token vectors, end to end, and where each wording's run starts
        self.tokens: tuple[np.ndarray, np.ndarray] | None = None
        if tokens is not None and len(tokens) == len(wordings) and all(len(x) for x in tokens):
            lengths = np.array([len(x) for x in tokens])
            self.tokens = (np.concatenate(tokens).astype(np.float32), np.concatenate([[0], np.cumsum(lengths)[:-1]]))
        self._retired_mask = np.array([w.retired for w in wordings], dtype=bool)
        self._competitors = platform.competitors
        self._banned = {b.phrase.lower() for b in platform.banned}
        self._own_names = own_names(platform)
        self._name_words = name_words(self._own_names)
        self._names = name_masker(platform)
        # what each retired wording is about ("dashboards"): sharing only that repeats nothing
        self._subjects = [_subject_word(w.text, self._names) if w.retired else "" for w in wordings]
        self._words = [content_words(w.text, self._names) for w in wordings]
        docs = len({w.message_id for w in wordings}) or 1
        df: dict[str, int] = {}
        for mid in {w.message_id for w in wordings}:
            for word in set().union(*(self._words[i] for i, w in enumerate(wordings) if w.message_id == mid)):
                df[word] = df.get(word, 0) + 1
        self._idf = {w: float(np.log((1 + docs) / (1 + n)) + 1.0) for w, n in df.items()}
        # overlap() as one matrix: weights[i, j] = idf of word j / total idf of wording i's words
        self._vocab = {w: j for j, w in enumerate(sorted(set().union(*self._words)))}
        self._weights = np.zeros((len(wordings), len(self._vocab)), dtype=np.float32)
        for i, ws in enumerate(self._words):
            total = sum(self._idf.get(w, 1.0) for w in ws)
            for w in ws:
                self._weights[i, self._vocab[w]] = self._idf.get(w, 1.0) / total
        self._full = {w.text: w for w in platform.wordings()}
        self._messages = {m.id: m for m in platform.messages}  # looked up for every candidate of every claim
        self._by_message: dict[str, set[int]] = {}
        for i, w in enumerate(wordings):
            self._by_message.setdefault(w.message_id, set()).add(i)
        self._figures = [[q for q in quantities(w.text) if _telling(q)] for w in wordings]
        self._bases = [set().union(*bases(w.text)) | ideas(w.text) for w in wordings]
        self._pricing = [bases(w.text) for w in wordings]
        # two-word names of a part of the offer ("savings pot", "payment links"), each said by one message only
        owners: dict[str, set[str]] = {}
        for w in wordings:
            for pair in _pairs(w.text):
                owners.setdefault(pair, set()).add(w.message_id)
        self._parts = {pair: next(iter(mids)) for pair, mids in owners.items() if len(mids) == 1}

    def similarities(self, claim_vectors: np.ndarray) -> np.ndarray:
        """Each claim's cosine similarity to each wording (the figure a finding reports)."""
        return claim_vectors @ self.vectors.T

    def blend(self, cosines: np.ndarray, alignment: np.ndarray | None) -> np.ndarray:
        """The similarity the verdicts weigh: the cosine, with the token alignment (when known) at
        ``t.token_weight``."""
        if alignment is None:
            return cosines
        return (1 - self.t.token_weight) * cosines + self.t.token_weight * alignment

    def alignments(self, claim_tokens: Sequence[np.ndarray | None]) -> list[np.ndarray | None]:
        """Each claim's token alignment (``token_f1``) with each wording; None where either side has
        no token vectors (a backend without them)."""
        if self.tokens is None:
            return [None] * len(claim_tokens)
        have = [i for i, ct in enumerate(claim_tokens) if ct is not None and len(ct)]
        out: list[np.ndarray | None] = [None] * len(claim_tokens)
        if have:
            f1 = token_f1_many([claim_tokens[i] for i in have], *self.tokens)  # type: ignore[misc]
            for row, i in enumerate(have):
                out[i] = f1[row]
        return out

    def overlap(self, text: str) -> np.ndarray:
        """For each wording, the idf-weighted share of its content words that ``text`` uses too."""
        cols = [self._vocab[w] for w in content_words(text, self._names) if w in self._vocab]
        if not cols:
            return np.zeros(len(self.wordings), dtype=np.float32)
        return self._weights[:, cols].sum(axis=1)

    def same_figure(self, text: str, sims: np.ndarray | None = None) -> np.ndarray:
        """1 for each wording that states one of the claim's figures exactly ("around ten minutes" and
        "in about 10 minutes"; "40%" and "up to 40%"), prices by the same thing ("by location",
        "per store") or speaks of the same subject ("costs nothing", "free", "a paid add-on": the price), else 0. A shared figure is strong evidence
        that two sentences are about the same thing, even when their words differ; a shared idea alone
        is not, when the similarity (``sims``) says they are far apart ("two months free" and "free for up
        to 10 stores")."""
        out = np.zeros(len(self.wordings), dtype=np.float32)
        if not self.t.figure:
            return out
        claim_q = [q for q in quantities(text) if _telling(q)]
        claim_bases = bases(text)
        claim_b = set().union(*claim_bases) | ideas(text)
        ended = promises_an_end(text)
        if not claim_q and not claim_b and not ended:
            return out
        for i, wq in enumerate(self._figures):
            if any((c.dimension == w.dimension or {c.dimension, w.dimension} == {"percent", "multiplier"})
                   and c.same_value(w) for c in claim_q for w in wq) \
                    or claim_b & self._bases[i] and (sims is None or sims[i] >= self.t.idea_floor) \
                    or all(claim_bases) and claim_bases == self._pricing[i] \
                    or claim_bases[0] & self._pricing[i][1] \
                    or ended and ends_what_is_cut(text, self.wordings[i].text):
                # (priced per the same thing and not per the same other thing: "by location, not by
                # seat" is "per store, not per user", however far apart the rest of the words are; priced
                # per what the wording denies, "every person needs a paid seat", is about that wording too)
                out[i] = 1.0
        return out

    def judge(self, text: str, cosines: np.ndarray, alignment: np.ndarray | None = None) -> Verdict:
        """The verdict on one claim, from its cosine to each wording and, when known, its token
        alignment with each (weighed beside the cosine: ``t.token_weight``). Findings report the cosine."""
        t = self.t
        sims = self.blend(cosines, alignment)
        score = sims + t.lexical * self.overlap(text)
        # a shared figure lifts a wording that is already among the nearest (not one far off topic:
        # "a 5-year warranty" is not about the battery because the battery lasts up to 5 years)
        score = score + t.figure * self.same_figure(text, sims) * (score >= score.max() - t.figure_window)
        order = np.argsort(-score, kind="stable")
        approved = [i for i in order if not self._retired_mask[i]]
        retired = [i for i in order if self._retired_mask[i]]
        best_a = float(score[approved[0]]) if approved else -1.0
        best_r = float(score[retired[0]]) if retired else -1.0

        retired_facts: list[Difference] | None = None  # the claim's factual differences from the nearest retired wording
        if best_r >= t.retired and best_r >= best_a - t.margin \
                or best_r >= t.retired_near and best_r >= best_a + t.retired_lead:
            # "dashboards update every 5 seconds" is near the retired "update once a day", but says
            # what the approved message says: a retired verdict needs no factual difference from the
            # retired wording, or no approved wording nearly as close.
            retired_facts = self._factual_differences(text, retired[0])
            # clearly nearest to the retired wording, it repeats it even with other figures ("free for up
            # to 12 stores") — but not when it says the opposite idea ("domestic" for "international")
            if not retired_facts or (best_r >= best_a + t.margin and not any(d.kind in _OPPOSED for d in retired_facts)):
                return self._retired_verdict(retired[0], float(cosines[retired[0]]), approved, score)
        elif best_r >= t.retired_near and best_r > best_a and approved:
            # the nearest wording is retired, though not by the lead: it is what the claim repeats when
            # the claim says nothing else than it, and the nearest approved wording says otherwise
            retired_facts = self._factual_differences(text, retired[0])
            if not retired_facts and self._factual_differences(text, approved[0]):
                return self._retired_verdict(retired[0], float(cosines[retired[0]]), approved, score)

        if best_a < t.topic:
            # below the topic threshold, a claim that plainly contradicts the nearest wording is still
            # about it ("there's no uptime commitment" for "a 99.9% uptime SLA")
            if approved and best_a >= t.contradiction_floor:
                # a plain contradiction, or an end promised to what the wording cuts ("zero downtime")
                ended = ends_what_is_cut(text, self.wordings[approved[0]].text)
                diffs = [d for d in self._differences(text, approved[0]) if d.kind in _CONTRADICTS or ended and d.kind == "absolute"]
                if diffs:
                    return self._drift_verdict(approved[0], float(cosines[approved[0]]), diffs)
            # some contradictions are about a wording however far apart the rest of the words are: a
            # promise that it never fails ("always up") where the wording commits to a share of uptime;
            # a denial of the very cut it promises ("won't change how often lines stop"); data said to
            # lag where it says every 5 seconds; a plain opposite of its promise ("a multi-week project"
            # where it says under an hour, "chat and email only" where a person answers the phone)
            for i in approved if may_contradict_from_afar(text) else ():
                if float(score[i]) < t.afar_floor:
                    break
                far = from_afar(text, self.wordings[i].text)
                if far:
                    return self._drift_verdict(i, float(cosines[i]), [far])
            return Verdict(Kind.OFF_MESSAGE, None, float(cosines[approved[0]]) if approved else None,
                           reason="no approved message covers this claim", suggestion=None)

        candidates = [i for i in approved[: t.top_k] if float(score[i]) >= max(t.topic, best_a - t.margin)]
        compared: list[tuple[int, list[Difference]]] = []
        said_more: list[int] = []
        for i in candidates:
            w = self.wordings[i]
            diffs = self._differences(text, i)
            if diffs and all(d.kind in _NOT_DRIFT for d in diffs):
                said_more.append(i)
                continue  # says more than this wording: neither the same message nor a drift from it
            # the positioning sums up the whole offer: a claim is it only when it is clearly near it
            need = t.aligned + (t.margin if w.message_id == "positioning" else 0.0)
            if not diffs and float(score[i]) >= need:
                # the nearest wording of this message has the parties swapped: a farther one, mute on
                # who does what, does not clear it ("the seller receives the money" for "you get paid")
                # (nor does the positioning, which sums up every message and says little of who does what)
                if compared and (self.wordings[compared[0][0]].message_id == w.message_id or w.message_id == "positioning") \
                        and any(d.kind == "roles" for d in compared[0][1]):
                    return self._drift_verdict(compared[0][0], float(cosines[compared[0][0]]), compared[0][1])
                # an opposite idea to another wording of the same message ("stays locked until the term
                # ends" against "withdraw at any time") is drift from it, though this wording is mute on it
                for j in self._others_of(i, approved):
                    if self.wordings[j].text in self._full:
                        opposed = [d for d in self._differences(text, j) if d.kind == "reversal" and _IDEA_REASON.search(d.reason)]
                        if opposed:
                            return self._drift_verdict(j, float(cosines[j]), opposed)
                return Verdict(Kind.ALIGNED, w, float(cosines[i]),
                               reason=f"matches the approved {w.role.replace('_', ' ')}", suggestion=None)
            compared.append((i, diffs))

        if not compared and said_more:
            # it says more than the nearest wording; another wording of the same message it contradicts
            # makes it a drift from that message ("locked in for 90 days" against "withdraw at any time")
            for i in self._others_of(said_more[0], approved):
                if i not in said_more:
                    diffs = [d for d in self._differences(text, i) if d.kind in _CONTRADICTS]
                    if diffs:
                        return self._drift_verdict(i, float(cosines[i]), diffs)
        with_diffs = [(i, d) for i, d in compared if d]
        if with_diffs and len(with_diffs) == len(compared) and not any(
                d.kind == "roles" for d in with_diffs[0][1]):
            # every approved candidate is contradicted: if a retired statement on the same topic (within
            # ``second_look`` of the best approved) says what the claim says (no factual difference),
            # the claim repeats the retired message —
            # unless the nearest approved wording has the claim's parties swapped: that is a claim
            # about this message, said wrong ("warns machine vendors" for "warns maintenance teams")
            if retired and float(score[retired[0]]) >= max(t.topic, best_a - t.second_look):
                if retired_facts is None:
                    retired_facts = self._factual_differences(text, retired[0])
                if not retired_facts:
                    return self._retired_verdict(retired[0], float(cosines[retired[0]]), approved, score)
        if with_diffs:
            i, diffs = with_diffs[0]
            return self._drift_verdict(i, float(cosines[i]), diffs)
        w = self.wordings[approved[0]]
        return Verdict(Kind.OFF_MESSAGE, None, float(cosines[approved[0]]),
                       reason=f"close to '{w.message_id}' but says something the platform does not", suggestion=None)

    def _retired_verdict(self, i: int, sim: float, approved: list[int], score: np.ndarray) -> Verdict:
        w = self.wordings[i]
        msg = self._messages[w.message_id]
        reason = f"repeats the retired message '{msg.statement}'" + (f" ({msg.reason})" if msg.reason else "")
        return Verdict(Kind.RETIRED, w, sim, reason=reason, suggestion=self._replacement(approved, score))

    def _differences(self, text: str, i: int) -> list[Difference]:
        """Everything the claim says differently from wording ``i`` (its message's competitors known)."""
        w = self.wordings[i]
        diffs = compare(text, w.text, competitors=self._competitors, versus=self._messages[w.message_id].versus,
                        own_names=self._own_names)
        # "adds 'only'" where another wording of the same message says "only" too: the platform says it;
        # "adds 'risk-free'", a banned phrase: reported once, as the banned phrase, not as a drift too
        diffs = [d for d in diffs if not (d.kind in ("scope", "absolute") and self._said_elsewhere(d, w))
                 and not (d.kind == "absolute" and self._banned_only(d, i))]
        if not diffs and not w.retired:
            part = self._other_part(text, w)
            if part:
                diffs.append(Difference("scope", part))
        return diffs

    def _other_part(self, text: str, w: Wording) -> str | None:
        """"Money in your savings pot is FDIC insured" where the platform says "Deposits are": the
        claim's subject is a part of the offer that another message names (the savings pot), which
        this message does not — said of that part only."""
        subject = _PLAIN_SUBJECT.match(w.text)
        if not subject:
            return None
        said = {_stem(t) for t in re.findall(r"[a-z]+", subject.group(0).lower())}
        head = " ".join(text.split()[:6])
        for pair in _pairs(head):
            owner = self._parts.get(pair)
            if owner and owner != w.message_id and pair not in _pairs(w.text) and not set(pair.split()) & self._name_words \
                    and not {_stem(t) for t in pair.split()} & said:  # "forecasting models" are the "Forecasts"
                return f"says it of the {pair} only, where the platform says '{w.text}'"
        return None

    def _said_elsewhere(self, d: Difference, w: Wording) -> bool:
        words = _added_words(d.reason)
        if not words:
            return False
        siblings = [self.wordings[j].text.lower() for j in self._by_message[w.message_id] if self.wordings[j].text != w.text]
        return all(any(re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", t) for t in siblings) for word in words)

    def _banned_only(self, d: Difference, i: int) -> bool:
        """Whether an added absolute is only banned superlatives ("risk-free", "world-class"), which
        say nothing of the wording's subject — not "zero downtime" beside "cut downtime by up to 40%"."""
        words = _added_words(d.reason)
        return bool(words) and all(w.lower() in self._banned and not content_words(w) & self._words[i] for w in words)

    def _others_of(self, i: int, order: Sequence[int]) -> list[int]:
        """The other wordings of wording ``i``'s message, in ``order`` (nearest first)."""
        same = self._by_message[self.wordings[i].message_id]
        return [j for j in order if j in same and j != i]

    def _drift_verdict(self, i: int, sim: float, diffs: list[Difference]) -> Verdict:
        w = self.wordings[i]
        return Verdict(Kind.DRIFT, w, sim, tuple(diffs), reason="; ".join(d.reason for d in diffs),
                       suggestion=self._suggest(w))

    def _factual_differences(self, text: str, i: int) -> list[Difference]:
        """The claim's differences in fact from wording ``i`` (a retired claim may add absolutes freely).
        A retired wording's point must be said to be repeated ("unsaid" otherwise): one that obliges
        ("gateways must be wired") by a claim that obliges too ("each gateway needs a cable"), not by
        one that says what can be done ("can be powered over Ethernet"); one about when ("update once a
        day overnight") by a claim that says when, not by "never goes down"."""
        diffs = [d for d in compare(text, self.wordings[i].text, competitors=self._competitors,
                                    own_names=self._own_names) if d.kind in _FACTUAL]
        w = self.wordings[i]
        if w.retired and _obliges(w.text) and not _obliges(text):
            diffs.append(Difference("unsaid", f"says what can be done where the retired wording says what must ('{w.text}')"))
        if w.retired and any(q.dimension == "duration" for q in quantities(w.text)) \
                and not any(q.dimension == "duration" for q in quantities(text)) and not _WHEN.search(text):
            # "update once a day overnight" is a claim about when; "never goes down" says nothing of it
            diffs.append(Difference("unsaid", f"says nothing of when, where the retired wording is about it ('{w.text}')"))
        if w.retired and "in advance/too late" in ideas(w.text) and "in advance/too late" not in ideas(text):
            # "predicts every machine failure before it happens" is repeated by a claim of foresight ("sees every
            # breakdown coming"), not by "a live health score for every machine"
            diffs.append(Difference("unsaid", f"says nothing of seeing it coming, where the retired wording does ('{w.text}')"))
        if w.retired and not (content_words(text, self._names) & self._words[i]) - {"free", self._subjects[i]} \
                and not ideas(text) & ideas(w.text) - {"free/paid"} \
                and not (_AT_NIGHT.search(text) and _AT_NIGHT.search(w.text)):
            # "free mobile check deposit" shares only "free" with "International transfers are free": not that point
            diffs.append(Difference("unsaid", f"says nothing of what the retired wording is about ('{w.text}')"))
        if w.retired and _DENIES.search(w.text) and not _DENIES.search(text) and not _FOR_GOOD.search(text):
            # "never need a new battery" is repeated by a claim that denies or promises for good ("no
            # battery changes, ever", "outlasts the sensor"), not by one that only mentions the battery
            diffs.append(Difference("unsaid", f"denies nothing, where the retired wording is a denial ('{w.text}')"))
        return diffs

    def _suggest(self, w: Wording) -> str:
        """The approved wording to use instead: the whole wording a matched clause comes from."""
        if w.text in self._full:
            return w.text
        for full in self._full.values():
            if full.message_id == w.message_id and w.text in full.text:
                return full.text
        return w.text

    def _replacement(self, approved: list[int], score: np.ndarray) -> str | None:
        """For a retired claim, the nearest approved wording if it is about the same topic."""
        if approved and float(score[approved[0]]) >= self.t.topic:
            return self._suggest(self.wordings[approved[0]])
        return None


# differences that keep a claim from being aligned with a wording without making it drift
_NOT_DRIFT = {"added_figure", "added_claim"}

# differences that say the opposite of a wording, not merely another figure
_OPPOSED = {"reversal", "unsaid"}

# "must", "have to", "only", "needs", "plan on", "make sure": an obligation or the only way (not denied:
# "you don't need a mains outlet")
_OBLIGATION = re.compile(r"(?<!n't )(?<!no )(?<!not )(?<!never )\b(must|have to|has to|only|needs?|requires?|required|"
                         r"mandatory|plan (?:on|to|for|a)|make sure|budget for)\b", re.I)


_WHEN = re.compile(r"\b(overnight|nightly|daily|hourly|weekly|morning|evening|yesterday'?s?|tonight|night|once|batch|"
                   r"real[- ]time|live|instantly|seconds?|minutes?|hours?|days?|weeks?)\b", re.I)


_IDEA_REASON = re.compile(r"where the platform says (?!')")  # an opposite idea's reason names the idea, not a word


# a denial ("never", "no", "don't") and a promise for good ("for life", "outlasts", "a thing of the past")
_DENIES = re.compile(r"\b(?:never|no|not|none|nothing|nobody|without|zero|skips?|skipping|cannot)\b|n't\b", re.I)
_FOR_GOOD = re.compile(r"\b(?:ever|forever|for life|lifetime|life of|outlasts?|outlive|as long as|"
                       r"a thing of the past|for good|once and for all|forget)\b", re.I)


_AT_NIGHT = re.compile(r"\b(?:overnight|nightly|night|while you sleep)\b", re.I)


def _added_words(reason: str) -> list[str]:
    """The words a difference says the claim adds: "adds 'only', 'every'" → only, every."""
    m = re.match(r"adds ('[^']+'(?:, '[^']+')*)", reason)
    return re.findall(r"'([^']+)'", m.group(1)) if m else []


def _subject_word(text: str, names: "re.Pattern[str] | None") -> str:
    """The first content word of ``text`` (its names set aside): what a retired wording is about
    ("dashboards" in "Lumen dashboards update once a day"), which says nothing of its point alone."""
    masked = names.sub(" ", text) if names is not None else text
    first = re.search(r"([A-Za-z][\w-]+)\s+(\w+)", masked)
    if not first or first.group(2).lower() in ("every", "each", "a", "an", "the", "your", "all", "any"):
        return ""  # "approves every business": a verb, not what the wording is about
    return next(iter(content_words(first.group(1))), "")


def _pairs(text: str) -> set[str]:
    """Adjacent pairs of content words ("savings pot", "payment links"), lower case."""
    words = [t for t in re.findall(r"[a-z][a-z-]+", text.lower())]
    return {f"{a} {b}" for a, b in zip(words, words[1:]) if a not in _PAIR_STOP and b not in _PAIR_STOP}


# a wording whose subject is a plain plural: "Deposits are …", "Card payments land …"
_PLAIN_SUBJECT = re.compile(r"^(?:[A-Z][a-z]+\s+)?[A-Za-z][a-z]+s\s+(?:are|land|arrive|sync|go|get|come|earn|stay|"
                            r"travel|flow)\b")
_PAIR_STOP = {"the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "your", "our", "their", "its", "is",
              "are", "be", "by", "at", "from", "that", "it", "you", "we", "they", "so", "not", "no", "every", "each", "any",
              "all", "up", "can", "will", "get", "has", "have", "into", "than", "this", "per", "plus", "when", "who"}


def _obliges(text: str) -> bool:
    return bool(_OBLIGATION.search(text))

# differences that contradict a wording outright
_CONTRADICTS = {"negation", "reversal"}

# difference kinds that contradict a retired wording (a retired claim may add absolutes freely)
_FACTUAL = {"number", "unit", "percent_vs_multiplier", "negation", "reversal", "competitor", "unsaid"}
