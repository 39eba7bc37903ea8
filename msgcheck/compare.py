"""Symbolic comparison of a claim with an approved wording.

Similarity says a claim is *about* a message; it cannot tell "every 5 seconds" from "every
30 seconds", or "without SQL" from "requires SQL". This module reads the facts that matter out of
both sentences and lists what differs, each difference as a short human reason:

    >>> differences("Dashboards refresh every second.", "Dashboards refresh every 5 seconds.")
    ['1 second where the platform says 5 seconds']

What is compared: numbers (digits and number words, ranges), percentages, multipliers, money,
durations and other units; hedges ("up to"); absolutes ("guaranteed", "always", "100%"); scope
("all stores" → "one store"); negation and reversed words ("before"/"after"); competitor names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Sequence

# --- numbers ---------------------------------------------------------------------------------

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a dozen": 12, "dozen": 12, "half a": 0.5, "half an": 0.5, "half": 0.5, "a quarter": 0.25, "a third": 0.333, "a half": 0.5, "hundred": 100, "a hundred": 100,
    "a thousand": 1000, "thousand": 1000, "a million": 1e6, "a single": 1, "single": 1,
    "a couple of": 2, "a couple": 2, "couple of": 2, "double": 2, "twice": 2, "triple": 3, "thrice": 3, "quadruple": 4, "halve": 0.5, "half the": 0.5,
}
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9,
          "billion": 1e9, "hundred": 100}

# unit word -> (dimension, factor to the base unit)
_UNIT_TABLE: dict[str, tuple[str, float]] = {}
for _names, _dim, _factor in (
    (("ms", "millisecond", "milliseconds"), "duration", 0.001),
    (("s", "sec", "secs", "second", "seconds"), "duration", 1),
    (("min", "mins", "minute", "minutes"), "duration", 60),
    (("h", "hr", "hrs", "hour", "hours", "business hour", "business hours", "working hour", "working hours"),
     "duration", 3600),
    (("day", "days", "afternoon", "night", "nights", "business day", "business days", "working day",
      "working days"), "duration", 86400),
    (("week", "weeks", "business week", "business weeks", "working week", "working weeks"), "duration", 7 * 86400),
    (("month", "months"), "duration", 30 * 86400),
    (("quarter", "quarters"), "duration", 91 * 86400),
    (("year", "years", "yr", "yrs"), "duration", 365 * 86400),
    (("%", "percent", "per cent", "pct", "percentage points"), "percent", 1),
    (("x", "×", "times", "fold", "-fold"), "multiplier", 1),
    (("metre", "metres", "meter", "meters"), "length", 1),
    (("km", "kilometre", "kilometres", "kilometer", "kilometers"), "length", 1000),
    (("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "length", 0.01),
    (("ft", "foot", "feet"), "length", 0.3048), (("yd", "yard", "yards"), "length", 0.9144),
    (("mile", "miles"), "length", 1609.344),
    (("°c", "° c", "degrees c", "degrees celsius", "celsius", "°f", "° f", "degrees f", "degrees fahrenheit",
      "fahrenheit", "degrees", "degree"), "temperature", 1),
    (("kb",), "bytes", 1e3), (("mb",), "bytes", 1e6), (("gb",), "bytes", 1e9), (("tb",), "bytes", 1e12),
):
    for _n in _names:
        _UNIT_TABLE[_n] = (_dim, _factor)

_CURRENCY = {"$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "dollars": "USD",
             "euros": "EUR", "pounds": "GBP"}

_NUM = r"\d+(?:[.,]\d+)*"
_WORDNUM = "|".join(sorted((re.escape(w) for w in _UNITS_WORDS), key=len, reverse=True))
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNIT_TABLE), key=len, reverse=True))
_HEDGE_BEFORE = (
    r"(?P<hedge>up to|as much as|as many as|as long as|as high as|as large as|as little as|as few as|at least|at most|more than|over|"
    r"less than|fewer than|under|within|nearly|almost|about|around|roughly|approximately|some|"
    r"only|just|no more than|no less than|in under|in less than|in about|in just|in only|above|below|"
    r"upwards of|north of|over|beyond|to a maximum of|a maximum of|a max of|never more than|not more than|"
    r"never longer than|no longer than|>|<|~)?\s*"
)
_QUANTITY = re.compile(
    _HEDGE_BEFORE
    + r"(?P<cur>[$€£]|usd\s|eur\s|gbp\s)?\s*"
    + rf"(?P<num>{_NUM}|(?<![\w-])(?:{_WORDNUM})(?![\w]))"
    + rf"(?:\s*(?:-|–|to|and)\s*(?P<num2>{_NUM}))?"
    + r"(?:\s*(?P<scale>k|m|mm|mn|bn|b|thousand|million|billion|hundred)(?![a-z]))?"
    + rf"(?:(?:\s*|-)(?P<unit>{_UNIT_RE})(?![a-z]))?",
    re.I,
)
# "an hour", "a day", "every second", "per minute": one unit with no number
_IMPLIED_ONE = re.compile(
    r"(?P<hedge>in under|under|within|in less than|less than|in about|in just|well over|more than|over|at least|up to|"
    r"at most|in)?\s*\b"
    r"(?:an?|every|each|per|one|next)\s+"
    r"(?P<unit>second|minute|hour|day|night|week|month|quarter|year|business day|working day|business week|"
    r"business hour|working hour)\b",
    re.I,
)
# "in seconds", "in minutes": an order of magnitude with no number
_PLURAL_UNIT = re.compile(r"\b(?:in|within|takes)\s+(?P<unit>seconds|minutes|hours|days|weeks|months)\b", re.I)
# "several business days", "a few weeks": a handful of units, no number ("in a few seconds" is
# "in seconds": how quick, not how many)
_FEW_UNITS = re.compile(r"\b(?:several|a few|a couple of|multiple)\s+(?P<unit>(?:business |working )?"
                        r"(?:days|weeks|months))\b", re.I)
_COVER_TO = re.compile(r"\b(?:insured|insures?|protected|protects?|covered|covers|guaranteed|backed|backs|cover|coverage|insurance|protection)\b"
                       r"[^.;,]{0,30}?\bto\s*$", re.I)
_ORDINAL_CONTEXT = re.compile(r"\b(the|a|our|their|your)\s+second\b", re.I)


@dataclass(frozen=True)
class Quantity:
    value: float            # in the base unit of its dimension (seconds for durations)
    dimension: str          # duration, percent, multiplier, money:USD, bytes, count
    text: str               # as written, for reasons
    hedge: str | None = None
    high: float | None = None  # upper end of a range
    noun: str = ""             # what a count counts ("sensors" in "up to 100 sensors")

    def same_value(self, other: "Quantity") -> bool:
        def close(a: float, b: float) -> bool:
            return abs(a - b) <= 1e-9 + 1e-6 * max(abs(a), abs(b))
        if not close(self.value, other.value):
            return False
        return self.high is None or other.high is None or close(self.high, other.high)


def _to_float(num: str) -> float | None:
    s = num.lower().strip()
    if s in _UNITS_WORDS:
        return float(_UNITS_WORDS[s])
    s = s.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", s) else s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMWORD = "|".join([*_SMALL, *_TENS, "hundred", "thousand", "million"])
_COMPOUND = re.compile(rf"\b(?:{_NUMWORD})(?:(?:(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+|[\s-]+)(?:{_NUMWORD}))+\b",
                       re.I)


def _compound_value(words: str) -> int:
    total = current = 0
    for w in re.split(r"[\s-]+", words.lower()):
        if w == "and":
            continue
        if w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in ("thousand", "million"):
            total += max(current, 1) * (1000 if w == "thousand" else 1_000_000)
            current = 0
        else:
            current += _SMALL.index(w)
    return total + current


_POINT = re.compile(rf"\b(\d+|{'|'.join(_SMALL)})\s+point\s+((?:(?:{'|'.join(_SMALL[:10])})\b\s*)+)", re.I)
_MAGNITUDE = re.compile(r"\b(a quarter|half|three quarters) (of )?an? (million|billion|thousand)\b", re.I)


def _digits_for_words(text: str) -> str:
    """"twenty-five" → "25", "two hundred fifty thousand" → "250000", "ninety-nine point nine" → "99.9",
    "a quarter of a million" → "250000" (single words are read later)."""
    text = _COMPOUND.sub(lambda m: str(_compound_value(m.group(0))), text)

    def point(m: re.Match[str]) -> str:
        whole = m.group(1) if m.group(1).isdigit() else str(_SMALL.index(m.group(1).lower()))
        decimals = "".join(str(_SMALL.index(w.lower())) for w in m.group(2).split())
        return f"{whole}.{decimals} "
    text = _POINT.sub(point, text)
    return _MAGNITUDE.sub(lambda m: str(int({"a quarter": 0.25, "half": 0.5, "three quarters": 0.75}[m.group(1).lower()]
                                            * {"thousand": 1e3, "million": 1e6, "billion": 1e9}[m.group(3).lower()])), text)


_REWRITES = (
    # "five full years", "two whole weeks": the adjective says nothing of the length
    (re.compile(r"\b(\d[\d,.]*|[a-z]+)\s+(?:full|whole|entire|solid)\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b",
                re.I), r"\1 \2"),
    # "ten locations or fewer" is "up to ten locations"
    (re.compile(r"\b(\d[\d,.]*|[a-z]+)\s+([a-z-]+)\s+or\s+(?:fewer|less)\b", re.I), r"up to \1 \2"),
    # "three nines" of availability is 99.9%
    (re.compile(r"\b(?:three|3) nines\b", re.I), "99.9%"),
    (re.compile(r"\b(?:four|4) nines\b", re.I), "99.99%"),
    (re.compile(r"\b(?:five|5) nines\b", re.I), "99.999%"),
    # "half a decade" is 5 years, "a decade" 10
    (re.compile(r"\bhalf an? decade\b", re.I), "5 years"),
    (re.compile(r"\b(?:a|one) decade\b", re.I), "10 years"),
    # "by a factor of 40" is a multiplier
    (re.compile(r"\b(?:by\s+)?a\s+factor\s+of\s+((?:up\s+to\s+|as\s+much\s+as\s+)?)(\w+)", re.I), r"\1\2x"),
    # how often, not how long: "7 days a week", "24/7", "any day of the week" all say "every day"
    (re.compile(r"\b(?:7|seven)\s+days\s+a\s+week\b|\b24/7\b|\bany\s+day\s+of\s+the\s+week\b|"
                r"\b(?:365|every)\s+days?\s+(?:a|of\s+the)\s+year\b", re.I), "every day"),
)


# "from -40 up to 85 °C": a range whose unit is written once, after its upper end ("up to" here is
# the range's end, not a hedge)
_RANGE_ONE_UNIT = re.compile(
    rf"\b(from|between)\s+(-?{_NUM})\s+(?:(?:all\s+the\s+way\s+)?up\s+to|to|and|through)\s+(-?{_NUM})\s*"
    rf"(?P<unit>{_UNIT_RE})(?![a-z])", re.I)


_MINUS_WORD = re.compile(rf"\bminus\s+({'|'.join([*_SMALL, *_TENS])})\b(?!-)", re.I)
_IP_RATING = re.compile(r"\bIP[- ](\d{2})\b")


def normalise(text: str) -> str:
    """Number phrasings that say the same thing written one way: compound number words as digits,
    "minus 40" as "-40", "a factor of 40" as "40x", "7 days a week" as "every day", "from -40 up to
    85 °C" as "from -40 °C to 85 °C"."""
    text = _digits_for_words(text)
    text = _MINUS_WORD.sub(lambda m: "-" + str(_SMALL.index(m.group(1).lower()) if m.group(1).lower() in _SMALL
                                                  else _TENS[m.group(1).lower()]), text)  # "minus forty"
    text = re.sub(r"\bminus\s+(?=\d)", "-", text, flags=re.I)
    text = _IP_RATING.sub(r"IP\1", text)  # "IP-68" is the rating IP68, not a figure of 68
    text = re.sub(r"\bpoint of sales?\b", "point-of-sale", text, flags=re.I)  # "40 point of sale connectors" counts connectors
    text = re.sub(r"\b(to|and)\s+plus\s+(?=\d)", r"\1 ", text, flags=re.I)  # "from minus 40 to plus 85"
    for pattern, repl in _REWRITES:
        text = pattern.sub(repl, text)
    return _RANGE_ONE_UNIT.sub(lambda m: f"{m.group(1)} {m.group(2)} {m.group('unit')} to {m.group(3)} {m.group('unit')}", text)


def quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` (see ``_quantities``); cached, since wordings are compared with many claims."""
    return list(_quantities(text))


@lru_cache(maxsize=8192)
def _quantities(text: str) -> tuple[Quantity, ...]:
    """Every number in ``text`` with its dimension, value in base units, and hedge."""
    text = normalise(text)
    out: list[Quantity] = []
    spans: list[tuple[int, int]] = []
    last_unit: tuple[str, float, str] | None = None
    for m in _QUANTITY.finditer(text):
        num = m.group("num")
        value = _to_float(num)
        if value is None:
            continue
        word_number = not num[0].isdigit()
        ns = m.start("num")
        if ns >= 1 and text[ns - 1] in "-−" and (ns == 1 or text[ns - 2] in " (") and not m.group("hedge"):
            value = -value  # "-40 °C"
            negative = True
        else:
            negative = False
        unit = (m.group("unit") or "").lower()
        scale = (m.group("scale") or "").lower()
        cur = (m.group("cur") or "").strip().lower()
        # "2.0", "Q4", years and model names are not quantities worth comparing
        if not unit and not cur and not scale and re.fullmatch(r"(19|20)\d\d", num):
            continue
        # a code or a name: "IP68", "B2B", "SOC 2", "ISO 27001"
        if ns >= 1 and text[ns - 1].isalpha() or not unit and not cur and not scale \
                and re.search(r"(?<![\w-])[A-Z]{2,}\s$", text[max(0, ns - 8):ns]):
            continue
        if word_number and not unit and num.lower() in ("twice", "double", "triple", "thrice", "quadruple") \
                and not re.match(r"\s*(a|an|per|every|each)\b", text[m.end():m.end() + 7], re.I):
            unit = "x"  # "twice as fast" is 2x
        if word_number and num.lower() == "zero" and re.match(r"\s*(charges?|fees?|costs?|commission)\b", text[m.end():], re.I):
            continue  # "zero charge" says free (an idea), not a count
        if word_number and re.match(r"\s*(less|fewer|more|lower|higher|cheaper)\b", text[m.end():], re.I) \
                and num.lower() in ("a quarter", "quarter", "a third", "third", "half", "a half"):
            value, unit = {"quarter": 25.0, "third": 33.3, "half": 50.0}[num.lower().split()[-1]], "%"
        if num.lower() in ("half", "half the") and re.match(r"\s*(the\s+)?(usual|normal|typical|old)\b", text[m.end():], re.I):
            continue  # "half the usual eighteen": the figure that follows is the one to read
        if num.lower() in ("half", "half the") and re.match(r"\s*(the\s+)?time\b", text[m.end():], re.I):
            value, unit = 2.0, "x"  # "in half the time" is twice as fast
        if word_number and not unit and num.lower() in ("one", "a single", "single"):
            continue  # "one place", "a single view": not a measured claim
        if scale in ("m", "b") and not cur and unit == "":
            # "5 m" is ambiguous (metres); only money uses bare m/b
            if scale == "m" and m.group(0).rstrip().endswith(" m"):
                unit = "metres"  # "across 500 m": a distance
            scale = ""
        if scale:
            value *= _SCALE[scale]
        high = _to_float(m.group("num2")) if m.group("num2") else None
        if high is not None and scale:
            high *= _SCALE[scale]
        after = text[m.end(): m.end() + 60].lower()
        if cur or re.match(r"\s*(dollars|euros|pounds)\b", after):
            code = _CURRENCY.get(cur or after.split()[0], "USD")
            dim, factor, uname = f"money:{code}", 1.0, cur or code
        elif unit:
            dim, factor = _UNIT_TABLE[unit]
            uname = unit
            if dim == "temperature" and "f" in unit.replace("of", ""):
                value, high = (value - 32) * 5 / 9, None if high is None else (high - 32) * 5 / 9
        elif last_unit and last_unit[0] != "count" and (
                re.search(r"(?:^|\s)(?:to|-|–|and|instead of|rather than|vs\.?|versus|against|the usual|the normal|the typical)\s*$",
                          text[max(0, m.start() - 12): m.start()].lower())
                or re.match(r"\s*(?:$|[.,;:!?)—–]|(?:without|with|instead|rather|before|after|now|today)\b)", after)):
            dim, factor, uname = last_unit  # "from 12 hours to 2"
        else:
            # what it counts: the first word after it, past hyphenated modifiers ("40 ready-made
            # point-of-sale connectors" counts connectors)
            noun = re.match(r"\s*(?:[a-z]+(?:-[a-z]+)+\s+(?=[a-z]))*([a-z][a-z-]+)", after)
            dim, factor, uname = "count", 1.0, (noun.group(1) if noun else "")
        last_unit = (dim, factor, uname)
        hedge = _norm_hedge(m.group("hedge"))
        if hedge is None and dim.startswith("money") and _COVER_TO.search(text[max(0, m.start() - 60):m.start()]):
            hedge = "upto"  # "FDIC-protected to $250k": cover to a limit is cover up to it
        out.append(Quantity(value * factor, dim, ("-" if negative else "") + m.group(0).strip(), hedge,
                            None if high is None else high * factor, uname if dim == "count" else ""))
        spans.append(m.span())
    for m in _IMPLIED_ONE.finditer(text):
        if any(a <= m.start("unit") < b for a, b in spans):
            continue
        if re.match(r"\s*(?:every|each)\s+day\b", m.group(0), re.I):
            continue  # "every day" says how often, not how long
        if re.search(r"\b(?:seconds?|minutes?|hours?|days?|times)\s*$", text[:m.start()], re.I) \
                and re.match(r"\s*(?:an?|per|every|each)\b", m.group(0), re.I):
            continue  # "twelve hours a week" is a rate: the week is not a duration of its own
        if m.group("unit").lower() == "second" and _ORDINAL_CONTEXT.search(m.group(0)):
            continue
        dim, factor = _UNIT_TABLE[m.group("unit").lower()]
        out.append(Quantity(factor, dim, m.group(0).strip(), _norm_hedge(m.group("hedge"))))
    if not out:
        for m in _PLURAL_UNIT.finditer(text):
            dim, factor = _UNIT_TABLE[m.group("unit").lower()]
            out.append(Quantity(factor, dim, m.group(0).strip(), "about"))
        for m in _FEW_UNITS.finditer(text):
            dim, factor = _UNIT_TABLE[m.group("unit").lower()]
            out.append(Quantity(3 * factor, dim, m.group(0).strip(), "about"))
    return tuple(out)


_HEDGE_CLASS = {
    "up to": "upto", "as much as": "upto", "as high as": "upto", "as large as": "upto", "as long as": "upto", "as many as": "upto", "at most": "upto", "no more than": "upto",
    "to a maximum of": "upto", "a maximum of": "upto", "a max of": "upto", "never more than": "upto",
    "not more than": "upto", "never longer than": "upto", "no longer than": "upto",
    "at least": "atleast", "more than": "atleast", "over": "atleast", "above": "atleast", "no less than": "atleast",
    "upwards of": "atleast", "north of": "atleast", "well over": "atleast", "well above": "atleast", "beyond": "atleast", ">": "atleast",
    "less than": "under", "fewer than": "under", "under": "under", "within": "under", "in under": "under",
    "in less than": "under", "below": "under", "<": "under", "as little as": "under", "as few as": "under",
    "nearly": "about", "almost": "about", "about": "about", "around": "about", "roughly": "about",
    "approximately": "about", "in about": "about", "~": "about", "some": "about",
    "only": "exact", "just": "exact", "in just": "exact", "in only": "exact", "in": None,
}


def _norm_hedge(h: str | None) -> str | None:
    if not h:
        return None
    return _HEDGE_CLASS.get(" ".join(h.lower().split()))


# --- words -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|%|×")
_NEGATORS = {"not", "no", "never", "without", "none", "nobody", "nothing", "neither", "nor", "cannot",
             "can't", "won't", "don't", "doesn't", "isn't", "aren't", "didn't", "wasn't", "weren't",
             "shouldn't", "couldn't", "wouldn't", "hasn't", "haven't", "lacks", "lack", "free"}
# stronger promises than a platform makes: "guaranteed", "always", "100%", "the life of the" sensor
_ABSOLUTES = frozenset({
    "guaranteed", "guarantee", "guarantees", "always", "never", "forever", "instantly", "instant",
    "completely", "entirely", "totally", "perfect", "perfectly", "eliminate", "eliminates", "unlimited",
    "zero", "100%", "every time", "fully", "certain", "risk-free", "flawless", "error-free", "all",
    "indestructible", "unbreakable", "anywhere", "any temperature", "any conditions", "without fail",
    "infinite", "for life", "lifetime", "never fails", "every single", "no matter", "whatever the",
    "at all times", "without exception", "no exceptions", "fastest", "the best", "number one", "100 percent",
    "every last", "never again", "any environment", "any weather", "any situation", "any circumstances",
    "the life of the", "the whole life", "a thing of the past", "of any kind", "whatsoever",
    "anything", "it all", "promise", "promises", "promised", "assured", "no matter what", "whatever happens",
    "every possible", "can't fail", "cannot fail", "for good", "errors, ever", "zero errors", "zero downtime",
    "never goes down", "never go down", "never be breached", "never breached", "never lose", "never loses",
    "never be lost", "never misses", "never miss", "never down", "never fail", "will never fail",
    "nothing can damage", "nothing can hurt", "nothing can stop", "nothing can break", "can't be damaged",
    "cannot be damaged", "can't be broken", "impossible", "will ever kill"
})
_UNIVERSAL = {"all", "every", "each", "any", "whole", "entire", "everyone", "everybody", "anyone", "anybody", "company-wide", "chain-wide"}
_RESTRICTIVE = {"one", "single", "some", "select", "selected", "certain", "few", "several", "only", "most",
                "pilot", "specific", "individual", "limited", "part", "subset"}
_OPPOSITES = [
    ("before", "after"), ("faster", "slower"), ("more", "less"), ("more", "fewer"), ("increase", "decrease"),
    ("increase", "reduce"), ("increases", "reduces"), ("increase", "cut"), ("higher", "lower"),
    ("online", "offline"), ("cheaper", "pricier"), ("cheaper", "more expensive"),
    ("better", "worse"), ("easier", "harder"), ("gain", "loss"), ("daily", "weekly"), ("nightly", "hourly"),
    ("replace", "help"), ("replaces", "helps"), ("automatic", "manual"), ("automatically", "manually"),
    ("internal", "external"), ("indoors", "outdoors"), ("indoor", "outdoor"), ("mobile", "desktop"),
    ("monthly", "yearly"), ("monthly", "annually"), ("nightly", "weekly"), ("automatically", "manually"), ("automatically", "hand"),
    ("keeps", "stops"), ("keep", "stop"),
    ("indoors", "outdoor"), ("indoor", "outdoors"),
]
_STOP = set(
    """a an the and or of to in on for with by at from as is are be was were it its this that these those
    your our their you we they us them my i he she his her can will would could should may might must do
    does did so than then there here have has had into over per via just also more most very up out about
    all every each any new""".split()
)


def tokens(text: str) -> list[str]:
    return list(_tokens(text))


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text.lower().replace("’", "'")))


# for each absolute, its longest word: a text without any of these holds no absolute
_ABSOLUTE_FIRST = {max(_TOKEN.findall(k) or [k], key=len) for k in _ABSOLUTES}
_ABSOLUTE_RE = re.compile(
    "|".join(rf"(?<![\w-]){re.escape(k)}(?![\w-])" for k in sorted(_ABSOLUTES, key=len, reverse=True))
)


@lru_cache(maxsize=8192)
def _absolutes(text: str) -> frozenset[str]:
    low = text.lower()
    if not _ABSOLUTE_FIRST & set(_TOKEN.findall(low)):
        return frozenset()  # none of the absolutes' first words: skip the long pattern
    found = {m.group(0) for m in _ABSOLUTE_RE.finditer(low)
             if not (m.group(0) == "anywhere" and re.match(r"\s+(?:from|between)\b", low[m.end():]))}
    found.discard("all")  # scope words are handled by _scope; "anywhere from -40 to 85 °C" is a range
    return frozenset(found)


@lru_cache(maxsize=8192)
def _scope(text: str) -> tuple[bool, bool]:
    """(says it of all, says it of only some). Words inside a quantity ("one business day",
    "at most five seconds") measure something; they do not narrow who or what the claim is about."""
    for q in quantities(text):
        text = text.replace(q.text, " ")
    text = re.sub(r"\bat (the )?(most|least)\b", " ", text, flags=re.I)  # "five seconds at most": a hedge
    text = re.sub(r"\b(?:with|in)\s+(?:one|a single)\s+(?:tap|click|swipe|step|go|call|scan)\b", " ", text, flags=re.I)  # how
    # "won't type a single receipt", "not one fee": a denial, not a narrower scope
    text = re.sub(r"(?:\b(?:not|no|never|without|won't|don't|doesn't|can't)\b|n't)(?:\s+[\w'-]+){0,4}?\s+(?:a\s+)?(?:single|one)\b",
                  " ", text, flags=re.I)
    toks = set(tokens(text))
    restrictive = bool(toks & _RESTRICTIVE) or bool(re.search(r"\ba (single|handful|few)\b|\bjust one\b", text, re.I))
    return bool(toks & _UNIVERSAL), restrictive


def names_in(text: str, names: Sequence[str]) -> list[str]:
    low = text.lower()
    return [n for n in names if re.search(rf"(?<![\w]){re.escape(n.lower())}(?![\w])", low)]


_COMPARATIVE_NAME = re.compile(
    r"\b(?i:unlike|where|than|versus|vs\.?|compared (?:to|with)|against|replaces?|switch(?:ed|ing)? from|instead of)\s+"
    r"(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})"
)


def competitor_mentions(text: str, known: Sequence[str]) -> list[str]:
    """Competitor names in ``text``: the platform's known ones, and capitalised names after 'unlike', 'than', 'vs'."""
    found = names_in(text, known)
    for m in _COMPARATIVE_NAME.finditer(text):
        name = m.group("name").strip(" .")
        if name.lower() in {"our", "the", "your", "their", "spreadsheet", "spreadsheets", "excel", "a", "any"}:
            continue
        if name not in found and not any(name.lower() in k.lower() for k in found):
            found.append(name)
    return found


# --- the comparison --------------------------------------------------------------------------

@dataclass(frozen=True)
class Difference:
    """One way a claim differs from the approved wording. ``kind`` names the drift type."""

    kind: str     # number, unit, percent_vs_multiplier, hedge, absolute, scope, negation, reversal, competitor
    reason: str


# absolutes that are no stronger promise in their context: (the words, said when the claim matches, and the
# platform's wording matches; None: any)
_NOT_STRONGER = [(frozenset(words), claim and re.compile(claim, re.I), approved and re.compile(approved, re.I))
                 for words, claim, approved in (
    # "it all flows into QuickBooks" where the platform says "every transaction syncs": the same "all"
    ({"it all", "anything", "everything"}, None, r"\b(every|all|each|any)\b"),
    # "recommends the best markdown price": what it finds, not a promise
    ({"the best"}, r"\b(?:recommends?|suggests?|finds?|picks?|shows?|calculates?|works out)\s+the best\b", None),
    # "we promise 99.9% availability" where the platform offers an SLA: the agreement is the promise
    ({"promise", "promises", "promised"}, None, r"\b(?:sla|service level agreement|guarantee|warranty|commit\w*|contract\w*)\b"),
    # "every single sensor" where it says "every sensor"
    ({"every single"}, None, r"\b(?:every|each|all)\b"),
    # "how much you keep is entirely your call": up to you, no promise
    ({"entirely"}, r"\bentirely (?:your call|up to you|your choice|your decision)\b", None),
    # "no matter which plan you're on" where the platform says "every plan", "any balance": the same universal
    ({"no matter"}, r"\bno matter (?:how|which|what|who|where|whether)\b", r"\b(?:any|every|all|whole|each|no minimum)\b"),
    # "before anything sells out": when, not a promise about everything
    ({"anything"}, r"\bbefore anything\b", None),
    # "Hose-downs, dusty floors, sub-zero cold rooms: they take it all in stride": "it all" is the list before it
    ({"it all", "all of it"},
     r"[\w-]+(?:\s+[\w-]+)?\s*,\s*[\w-]+(?:\s+[\w-]+){0,2}\s*(?:,|\band\b)\s*[^.;]{0,40}[—–:?-][^.;]*\b(?:it all|all of it)\b", None),
)]
# "entirely on the web", "fully automatic": how the platform's "online" / "automatically" is meant anyway
_FULLY_HOW = re.compile(r"\b(entirely|fully|completely|totally|100%)\s+(?:online|on the web|in the app|digital(?:ly)?|remote(?:ly)?|"
                        r"wireless|paperless|offline|automatic(?:ally)?|hands-free)\b", re.I)
_HOW = re.compile(r"\b(online|web|app|digital\w*|remote\w*|wireless|paperless|offline|automatic\w*|hands-free)\b", re.I)


def _not_stronger_here(added: set[str] | frozenset[str], claim: str, approved: str) -> set[str]:
    """The absolutes a claim adds, less those that are no stronger promise beside this wording."""
    added = set(added)
    for words, in_claim, in_approved in _NOT_STRONGER:
        if added & words and (in_claim is None or in_claim.search(claim)) and (in_approved is None or in_approved.search(approved)):
            added -= words
    if not _REDUCES.search(approved):
        added -= {"a thing of the past"}  # "stale numbers are a thing of the past" beside "refresh every 5 seconds": the same point
    if _HOW.search(approved):
        added -= {m.group(1).lower() for m in _FULLY_HOW.finditer(claim)}
    if "100%" in added and any(q.dimension == "percent" and q.value == 100 for q in quantities(approved)):
        added.discard("100%")
    return added


def compare(claim: str, approved: str, *, competitors: Sequence[str] = (), versus: Sequence[str] = (),
            own_names: Sequence[str] = ()) -> list[Difference]:
    """Everything that differs in substance between ``claim`` and the ``approved`` wording."""
    diffs: list[Difference] = []
    diffs += _compare_quantities(quantities(claim), quantities(approved), approved, claim)
    turned = None if diffs else _reversed_change(claim, approved)
    if turned:
        diffs.append(Difference("number", turned))
    extra = _added_figure(quantities(claim), quantities(approved), bool(_PRICE_WORDS.search(claim)))
    threshold = _THRESHOLD.search(claim)
    if extra and not diffs and threshold:
        # "Keep $10,000 or more in your savings pot and you'll earn …": the figure is a condition
        diffs.append(Difference("scope", f"adds the condition '{threshold.group(0)}'; the platform's wording sets none"))
    elif extra and not diffs:
        diffs.append(Difference("added_figure", extra))
    # "keeps working offline for up to 24 hours", "up to five people in each store": a cap on what the
    # platform's wording says with no figure (weighed below, when no other scope difference is found)
    cap = None if diffs or quantities(approved) else next(
        (q for q in quantities(claim) if q.hedge == "upto" and q.dimension in ("count", "duration")
         and (q.dimension != "count" or q.value >= 2) and _caps_what_is_said(claim, approved, q)), None)
    # absolutes the platform does not make
    added = _absolutes(claim) - _absolutes(approved)
    if added:
        added = _not_stronger_here(added, claim, approved)
    if added - {"never", "zero"}:
        words = ", ".join(sorted(f"'{w}'" for w in added - {"never", "zero"}))
        diffs.append(Difference("absolute", f"adds {words}, a stronger promise than the platform makes"))
    else:
        gone = _eliminated(claim, approved)
        if gone:
            diffs.append(Difference("absolute", gone))
    # scope
    c_uni, c_res = _scope(claim)
    a_uni, a_res = _scope(approved)
    if a_uni and not a_res and c_res and not c_uni:
        diffs.append(Difference("scope", "narrows the scope: the platform's wording covers all, the claim only some"))
    unlimited = _number_for_unlimited(claim, approved)
    if unlimited:
        diffs.append(Difference("scope", unlimited))
    for check in (_added_restriction, _changed_modifier, _changed_per_unit, _added_condition, _added_limit, _widened,
                  _leading_condition, _restricted_subject, _other_device, _kind_of_every, _kind_of_users,
                  _named_for_any, _one_model, _widened_list, _also_another_thing, _card_brand, _any_of_yours,
                  _whole_for_part, _not_yet):
        if any(d.kind == "scope" for d in diffs):
            break  # one scope difference is enough ("only admins": narrowed once, not twice)
        found = check(claim, approved, own_names)
        if found:
            # priced per what the platform says it is not priced per: the opposite of the wording
            diffs.append(Difference("reversal" if found.startswith("counts per") else "scope", found))
            break
    if cap and not any(d.kind == "scope" for d in diffs):
        diffs.append(Difference("scope", f"sets a limit, '{cap.text}', where the platform's wording sets none"))
    counted = next((q for q in quantities(claim) if q.dimension == "count" and abs(q.value) >= 2), None)
    if counted and not diffs and not quantities(approved) and _counts_something_else(claim, approved):
        # "payroll for up to 20 employees" beside "unlimited employee cards": a count of something else
        diffs.append(Difference("added_figure", f"adds '{counted.text}', a count of something the platform's wording "
                                                f"does not count"))
    period = _changed_period(claim, approved)
    if period and not any(d.kind in ("unit", "number") for d in diffs):
        diffs.append(Difference("unit", period))
    roles = _swapped_roles(claim, approved, own_names) or _work_moved_to_customer(claim, approved, own_names) \
        or _done_for_customer(claim, approved, own_names) or _someone_else_provides(claim, approved, own_names) \
        or _agent_changed(claim, approved, own_names) or _status_moved(claim, approved, own_names) \
        or _staff_do_it(claim, approved, own_names) or _sent_to_us(claim, approved, own_names) \
        or _alerts_us(claim, approved, own_names) or _third_party_does(claim, approved, own_names) \
        or _others_decide(claim, approved, own_names) or _money_goes_elsewhere(claim, approved, own_names) \
        or _done_by_hand(claim, approved, own_names)
    if roles:
        diffs.append(Difference("roles", roles))
    hedge = _dropped_quantifier(claim, approved)
    if hedge:
        diffs.append(Difference("hedge", hedge))
    # negation (what each sentence denies that the other asserts) and reversed words
    reversal = _reversed_words(claim, approved)
    if reversal:
        diffs.append(Difference("reversal", reversal))
    else:
        negation = _negation_conflict(claim, approved, own_names) or denies_the_cut(claim, approved) \
            or says_it_lags(claim, approved)
        if negation:
            diffs.append(Difference("negation", negation))
    # competitors
    named = competitor_mentions(claim, competitors)
    named = [n for n in named if not any(n.lower() == o.lower() for o in own_names)
             and not re.search(rf"(?<!\w){re.escape(n)}(?!\w)", approved, re.I)]  # "SOC 2" is the platform's own word
    if versus:
        other = [n for n in named if not any(n.lower() == v.lower() for v in versus)]
        if other:
            diffs.append(Difference(
                "competitor",
                f"draws the comparison against {', '.join(other)}; the platform draws it against {', '.join(versus)}",
            ))
    elif named:
        diffs.append(Difference("competitor", f"names {', '.join(named)}; the platform draws no comparison here"))
    if not diffs:
        more = _added_claim(claim, approved, own_names)
        channels = [m.group(0) for m in _CHANNELS.finditer(claim)]
        if not more and channels and not _CHANNELS.search(approved):
            # "Alerts can be routed to Microsoft Teams, email or SMS": how it is delivered, which the
            # wording does not say
            more = f"adds the channel{'s' if len(channels) > 1 else ''} {', '.join(channels)}, which the platform's wording does not name"
        if more:
            diffs.append(Difference("added_claim", more))
    paid = _PAID_OPTION.search(claim)
    deal = _DEAL.search(claim)
    standard = _STANDARDS.search(claim)
    if standard and not re.search(re.escape(standard.group(1).split()[0][:3]), approved, re.I) \
            and not any(d.kind in ("negation", "reversal", "roles") for d in diffs):
        # "On top of SOC 2, Lumen Pulse is ISO 27001 certified": another certificate than the wording's
        return [Difference("added_claim", f"names {standard.group(1)}, which the platform's wording does not")]
    if deal and not _DEAL.search(approved) and not any(d.kind == "competitor" for d in diffs):
        # "Sign an annual contract and get 15% off", "we'll credit 10% of the fee back": a deal on top
        # of what the wording says, not a change to its figure
        return [Difference("added_claim", f"offers '{deal.group(0)}', which the platform's wording does not")]
    if paid and not _PAID_OPTION.search(approved) and not re.search(r"\b(free|fees?|charges?|paid|price[sd]?|cost)\b", approved, re.I) \
            and not any(d.kind in ("negation", "reversal") for d in diffs):
        # "Card payments can be paid out instantly for a 1% fee", "extend the warranty with an optional
        # service plan": something else on offer, beside what the wording says — not a drift from it
        return [Difference("added_claim", f"offers '{paid.group(0)}', which the platform's wording does not")]
    if len(diffs) > 1:
        # an added figure only matters when nothing else differs ("above $10,000" is the condition)
        diffs = [d for d in diffs if d.kind != "added_figure"]
    # reasons quote text with the company's names taken out: no double spaces left behind
    return [Difference(d.kind, " ".join(d.reason.split())) for d in diffs]


# an option sold beside the offer: "for a 1% fee", "for a small annual fee", "an optional service plan",
# "an extended warranty"
_PAID_OPTION = re.compile(r"\bfor an? (?:small |flat |one-off |one-time |annual |monthly |yearly |extra |additional |modest )*"
                          r"(?:[\d.,]+%\s+|[$€£][\d.,]+\s+)?(?:fee|charge|surcharge|premium)\b|"
                          r"\b(?:an? |the )?(?:optional|paid|extended)\s+(?:[\w-]+\s+)?(?:plan|warranty|add-on|upgrade|service)\b|"
                          r"\b(?:free\s+)?(?:[\w-]+-day\s+)?(?:free\s+)?(?:trial|pilot)\b|\bmoney-back\b|\bfull refund\b|"
                          r"\b(?:financing|instalments?|installments?|leasing|cash ?back|loyalty points|business loans?)\b",
                          re.I)
_DEAL = re.compile(r"\brecycl\w+\b|\btake-?back\b|\bfree\s+(?:[\w-]+\s+){0,2}?(?:trial|pilot)\b|"
                   r"\b(?:trial|pilot)\b[^.;]{0,30}\bfree\b|\bextend(?:s|ed)?\s+(?:the\s+|your\s+|any\s+)?(?:[\w'’-]+\s+){0,2}?warranty\b|\b\d+(?:\.\d+)?%\s+off\b|\bdiscount(?:s|ed)?\b|\bservice credits?\b|\bcredit\s+(?:you\s+)?\d+%|"
                   r"\b(?:months?|weeks?)\s+free\b|\bfirst\s+[\w-]+\s+free\b|\bcashback\b|\breferral\s+(?:bonus|reward)", re.I)
_STANDARDS = re.compile(r"\b(ISO\s?\d{4,5}|HIPAA|PCI[- ]DSS|GDPR|FedRAMP|Cyber Essentials|ATEX|NIST\s?\d*|SOC\s?1|IEC\s?\d{4,5})\b")
_CHANNELS = re.compile(r"\b(?:sms|text messages?|e-?mails?|emailed|microsoft teams|slack|push notifications?|whatsapp|pagers?|"
                       r"pdfs?|csv files?)\b", re.I)
_ALSO = re.compile(r"\b(?:also|too|as well|in addition|additionally)\b", re.I)
_BESIDE = re.compile(r"\b(?:alongside|as well as|on top of|besides|in addition to)\b", re.I)


def _added_claim(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"A low-stock alert can *also* raise a purchase order", "logs surface temperature *alongside*
    vibration": the claim announces something in addition, and the wording says nothing of it."""
    text = _without_names(claim, own_names)
    a_words = {_base_form(t) for t in tokens(approved)}  # "works" and "working" alike

    def uncovered(part: str) -> list[str]:
        words = [t for t in tokens(part) if t not in _STOP and t not in _SKIP_BEFORE and len(t) > 2
                 and t not in ("alongside", "besides", "addition")]
        missing = [t for t in words if _base_form(t) not in a_words]
        return missing if words and len(missing) * 2 > len(words) else []

    for clause in re.split(r"[;:.!?]|\s[—–-]\s", text):
        also, beside = _ALSO.search(clause), _BESIDE.search(clause)
        parts = [clause[also.end():]] if also else []
        if beside:
            parts += [clause[:beside.start()], clause[beside.end():]]
        for part in parts:
            missing = uncovered(re.split(r",|\bso\b|\band\b", part)[0] if also and part == parts[0] else part)
            if missing:
                return f"adds {' '.join(missing[:4])!r}, which the platform's wording does not say"
    return None


_ELIMINATED = re.compile(r"\bnever\b[^.;]{0,40}\bagain\b|\beliminat\w*|\bno more\b|\bfor good\b|\ba thing of the past\b|"
                         r"\bonce and for all\b|\bzero (?:stockouts?|downtime|breakdowns?|errors?|failures?|outages?)\b", re.I)
_REDUCES = re.compile(r"\b(?:reduce|reduces|reduced|cut|cuts|lower|lowers|fewer|less|drop|drops|decrease|decreases)\b", re.I)


_ENDED = re.compile(r"\b(?:zero|no more|eliminat\w*(?:\s+all)?(?:\s+your|\s+the)?|an end to|never\s+(?:\w+\s+){0,2}?any)\s+"
                    r"(?:unplanned\s+|unexpected\s+|surprise\s+)?([a-z]+)", re.I)


def promises_an_end(text: str) -> bool:
    """"Zero downtime", "no more stockouts", "eliminates errors": an end promised to something."""
    return bool(_ENDED.search(text))


def ends_what_is_cut(claim: str, approved: str) -> bool:
    """"Zero downtime" where the wording cuts downtime by up to 40%: the claim promises an end to the
    very thing the wording reduces — about that wording, however far apart the rest of the words are."""
    if not _REDUCES.search(approved):
        return False
    a_words = {_stem(t) for t in tokens(approved)}
    return any(_stem(m.group(1).lower()) in a_words for m in _ENDED.finditer(claim))


# a promise that it never fails: "always up", "up 100% of the time", "zero outages", "never goes down",
# "you'll never lose a single minute to downtime", "never have unplanned downtime again"
_NEVER_FAILS = re.compile(
    r"\b(?:always\s+(?:up|online)|(?:up|online|available)\s+100\s?%|100\s?%\s+(?:uptime|availability|of\s+the\s+time)|"
    r"zero\s+(?:outages?|(?:unplanned\s+)?downtime)|no\s+(?:outages?|downtime),?\s+ever|"
    r"never\s+(?:goes|go|went|is|are|be|going\s+to\s+be)\s+(?:down|offline)|never\s+(?:down|offline)|"
    r"never\s+(?:\w+\s+){0,4}?(?:to|of)\s+downtime|"
    r"never\s+(?:\w+\s+){0,3}?(?:unplanned\s+|unexpected\s+|surprise\s+)?(?:downtime|outages?|stops?|stoppages?|breakdowns?)(?:\s+\w+){0,2}?\s+again)\b",
    re.I)
_UPTIME = re.compile(r"\b(?:uptime|availability|downtime)\b", re.I)


def never_fails(claim: str, approved: str) -> str | None:
    """"Always up. Zero outages, ever." where the wording commits to 99.9% uptime, or "zero downtime"
    where it cuts downtime by up to 40%: a promise that it never fails, said of what the wording
    measures in part — about that wording, however far apart the rest of the words are."""
    m = _NEVER_FAILS.search(claim)
    if not m or not _UPTIME.search(approved):
        return None
    figure = next((q for q in quantities(approved) if q.dimension == "percent" and q.value < 100), None)
    if figure is None:
        return None
    return f"promises it never fails ('{m.group(0)}') where the platform says {figure.text}"


# what a wording cuts, in the words a claim may use for it
_CUT_SUBJECTS = {
    "stockouts": re.compile(r"\b(?:stock-?outs?|out[- ]of[- ]stocks?|(?:runs?|ran|running|sells?|sold|selling) out|"
                            r"empty shel(?:f|ves)|shel(?:f|ves) (?:going |goes |go )?(?:bare|empty))\b", re.I),
    "downtime": re.compile(r"\b(?:downtime|stoppages?|unplanned stops?|breakdowns?|outages?|lines? (?:stop|stops|stopping)|"
                           r"stops? (?:without warning|unexpectedly))\b", re.I),
}
# a denial that it changes: "won't do anything to cut down", "won't change how often", "won't move the
# needle on", "stay roughly where they were", "no real drop in"
_NO_CHANGE = re.compile(
    r"\b(?:won'?t|will not|doesn'?t|does not|don'?t expect|isn'?t going to|aren'?t going to|can'?t|cannot)\b[^.;]{0,40}?"
    r"\b(?:cut|cuts|reduce|reduces|lower|change|move the needle|make (?:a|any) dent|drop|fall|fewer|less)\b|"
    r"\bstays?\s+(?:roughly\s+|about\s+|more or less\s+)?(?:where (?:they|it) (?:were|was)|the same|flat)\b|"
    r"\bno (?:real |noticeable |big )?(?:drop|change|difference|reduction|dent)\b", re.I)


# data said to be late: "numbers can lag the tills by several minutes", "trail well behind the till",
# "don't expect live figures" — not when the lag is bounded in seconds ("lags by five seconds at most")
_STALE = re.compile(r"\b(?:lag(?:s|ging)?|trail(?:s|ing)?|(?:well |way |far )?behind (?:the )?(?:tills?|registers?|reality|real[- ]time|sales|"
                    r"shop floor)|out of date|stale|don'?t expect live|not (?:something to watch |really |truly )?live)\b", re.I)
_SECONDS_BOUND = re.compile(r"\b(?:at most|more than|under|within|less than|only|just|by)\s+(?:a few |a couple of |five |5 |\d+ )?"
                            r"(?:seconds?|secs?)\b|\bseconds?,? (?:at most|tops|stale|behind|old|late)\b", re.I)
# staleness denied, asked about or done away with: "never stale", "Tired of stale numbers?", "stale numbers are a
# thing of the past"
_STALE_DENIED = re.compile(r"\b(?:never|no|not|tired of|worried about|sick of|no more|forget|without)\s+(?:\w+\s+){0,2}$", re.I)
_FRESH = re.compile(r"\b(?:refresh\w*|updat\w*|(?:never )?more than \d+ seconds old|live)\b", re.I)


def says_it_lags(claim: str, approved: str) -> str | None:
    """"Pulse numbers can lag the tills by several minutes" where the platform says dashboards refresh
    every 5 seconds: the data said to be late where the platform says it is fresh to the second."""
    m = _STALE.search(claim)
    if not m or _SECONDS_BOUND.search(claim) or not _FRESH.search(approved) or _STALE.search(approved):
        return None
    rest = re.split(r"[.;!?]", claim[m.end():], maxsplit=1)
    if _STALE_DENIED.search(claim[: m.start()]) or re.match(r"[^.;!]*\?", claim[m.end():]) \
            or re.search(r"\ba thing of the past\b", rest[0], re.I):
        return None
    fresh = next((q for q in quantities(approved) if q.dimension == "duration" and q.value <= 60), None)
    if fresh is None:
        return None
    return f"says it lags ('{m.group(0)}') where the platform says {fresh.text}"


def may_contradict_from_afar(claim: str) -> bool:
    """Whether ``claim`` promises it never fails, denies a change, says the data lags or says a plain
    opposite: the only claims ``from_afar`` can tie to a wording (a cheap test before trying every wording)."""
    return bool(_NEVER_FAILS.search(claim) or _NO_CHANGE.search(claim) or _STALE.search(claim)
                or any(no.search(claim.lower()) for _, (_, no) in _PLAIN_OPPOSITES))


def from_afar(claim: str, approved: str) -> Difference | None:
    """A contradiction of ``approved`` that is about it however far apart the rest of the words are: a
    promise that it never fails ("always up") where it commits to a share of uptime; a denial of the very
    cut it promises ("won't change how often lines stop"); data said to lag where it says every 5 seconds;
    a plain opposite of its promise ("a multi-week project" where it says under an hour)."""
    why = never_fails(claim, approved)
    if why:
        return Difference("absolute", why)
    why = denies_the_cut(claim, approved) or says_it_lags(claim, approved)
    if why:
        return Difference("negation", why)
    why = plain_opposite(claim, approved)
    return Difference("reversal", why) if why else None


def denies_the_cut(claim: str, approved: str) -> str | None:
    """"Pulse won't do anything to cut down how often products run out" where the platform says stores
    reduce stockouts by up to 25%: the claim denies the very cut the wording promises, in its own words."""
    if not _REDUCES.search(approved) or not any(q.dimension == "percent" for q in quantities(approved)):
        return None
    m = _NO_CHANGE.search(claim)
    if not m:
        return None
    for subject, pattern in _CUT_SUBJECTS.items():
        if pattern.search(approved) and pattern.search(claim):
            return f"denies the cut in {subject} ('{m.group(0)}') that the platform promises"
    return None


def _eliminated(claim: str, approved: str) -> str | None:
    """"Never run out of stock again" where the platform says "reduce stockouts by up to 25%": a
    reduction promised as an end to the problem."""
    m = _ELIMINATED.search(claim)
    if not m or not _REDUCES.search(approved) or _ELIMINATED.search(approved):
        return None
    cut = [q for q in quantities(approved) if q.dimension == "percent" and q.value < 100]
    if cut and not any(q.dimension == "percent" for q in quantities(claim)):
        return f"promises an end to it ('{m.group(0)}') where the platform promises a cut of {cut[0].text}"
    return None


# a minimum to qualify: "keep $10,000 or more", "balances of $5k and above", "a minimum balance of $1,000"
_THRESHOLD = re.compile(r"(?:[$€£]\s?[\d,.]+\s*[km]?|\b[\d,.]+\s*(?:dollars|euros|pounds|sensors|stores|users|seats|locations))"
                        r"\s+(?:or more|or above|or over|and up|and above|minimum)\b|"
                        r"\b(?:a\s+)?minimum\s+(?:balance|deposit|spend|order|of)\s+(?:of\s+)?[$€£]?\s?[\d,.]+|"
                        # "card payments under $10,000", "for transfers above $5k": only some of them
                        r"\b(?:payments?|transfers?|transactions?|sales|invoices|amounts?|balances?)\s+(?:of\s+)?"
                        r"(?:under|below|less than|over|above|more than|up to)\s+[$€£]\s?[\d,.]+\s*[km]?", re.I)


_PEOPLE = {"people", "person", "users", "user", "staff", "employees", "members", "seats", "seat", "logins", "team",
           "colleagues", "managers"}


def _caps_what_is_said(claim: str, approved: str, cap: Quantity) -> bool:
    """Whether the cap limits what the wording speaks of: a count of its own things ("up to 50
    stores" where it says "per store"; "up to five people" where it says "the whole team" or "per
    user"), or a duration of what it says ("offline for up to 24 hours") — not of something new
    ("up to five sub-accounts")."""
    a_words = {_stem(t) for t in tokens(approved)}
    if _counts_something_else(claim, approved):
        return False
    if cap.dimension == "count":
        noun = cap.noun.lower()
        return noun.isalpha() and noun not in _STOP and (_stem(noun) in a_words or noun in _PEOPLE and bool(_PEOPLE & set(tokens(approved))))
    before = normalise(claim).lower().split(cap.text.lower())[0]
    near = [t for t in tokens(before) if t not in _STOP and t not in ("for", "up")][-2:]
    return any(_stem(t) in a_words for t in near)


_PRICE_WORDS = re.compile(r"\b(?:start(?:s|ing)? at|priced at|costs?|pricing|plans? (?:start|begin|run)|list price)\b", re.I)


def _added_figure(claim_q: list[Quantity], appr_q: list[Quantity], price_said: bool = False) -> str | None:
    """A figure of a kind the approved wording does not state at all ("looks up to 18 months
    ahead" beside "up to 30% more accurate"): the claim says something the wording does not."""
    dims = {q.dimension for q in appr_q}
    if not dims:
        # a price where the wording states no figure at all ("starts at $49 per store a month" beside
        # "priced per store"): something the wording does not say
        money = next((q for q in claim_q if q.dimension.startswith("money") and q.value > 0), None)
        return f"adds '{money.text}', a price the platform's wording does not state" if money and price_said else None
    related = {"percent": "multiplier", "multiplier": "percent"}
    for q in claim_q:
        if q.dimension not in dims and related.get(q.dimension) not in dims \
                and (q.dimension != "count" or abs(q.value) >= 3):
            return f"adds '{q.text}', a figure the platform's wording does not state"
    return None


def _compare_quantities(claim_q: list[Quantity], appr_q: list[Quantity], approved: str = "",
                        claim: str = "") -> list[Difference]:
    diffs: list[Difference] = []
    used: set[int] = set()
    other_nouns = {_stem(t) for t in tokens(approved)}  # what else the platform's wording names
    claim_words = {_stem(t) for t in tokens(claim)}
    for a in appr_q:
        same_dim = [i for i, c in enumerate(claim_q) if c.dimension == a.dimension and i not in used
                    and not _counts_other_things(c, a, other_nouns, claim_words)]
        exact = [i for i in same_dim if claim_q[i].same_value(a)]
        if exact:
            i = exact[0]
            used.add(i)
            hd = _hedge_difference(claim_q[i], a)
            if hd and not (a.hedge == "upto" and claim_q[i].hedge is None and (_MAY.search(claim) or _capacity(claim, claim_q[i]))):
                diffs.append(hd)  # (not "you could be looking at half a decade": a possibility is "up to")
            if a.dimension == "count" and a.noun and claim_q[i].noun and _stem(a.noun) != _stem(claim_q[i].noun) \
                    and _stem(claim_q[i].noun) in other_nouns:
                # "a sensor links to up to 100 gateways" where the platform says "a gateway connects up to 100 sensors"
                diffs.append(Difference("roles", f"{claim_q[i].text} {claim_q[i].noun} where the platform says "
                                                 f"{a.text} {a.noun}"))
            continue
        if same_dim:
            i = same_dim[0]
            used.add(i)
            c = claim_q[i]
            kind = "unit" if a.dimension in ("duration", "length") and _unit_word(c.text) != _unit_word(a.text) \
                or a.dimension == "temperature" and c.text.lower().endswith("f") != a.text.lower().endswith("f") \
                else "number"
            diffs.append(Difference(kind, f"{c.text} where the platform says {a.text}"))
            continue
        # the same amount in another currency: "€250,000" where the platform says "$250,000"
        other_money = [i for i, c in enumerate(claim_q) if i not in used and a.dimension.startswith("money:")
                       and c.dimension.startswith("money:") and c.dimension != a.dimension]
        if other_money:
            used.add(other_money[0])
            diffs.append(Difference("unit", f"{claim_q[other_money[0]].text} where the platform says {a.text}"))
            continue
        # percent stated as a multiplier, or the other way round
        swapped = {"percent": "multiplier", "multiplier": "percent"}.get(a.dimension)
        alt = [i for i, c in enumerate(claim_q) if c.dimension == swapped and i not in used]
        if alt:
            used.add(alt[0])
            diffs.append(Difference("percent_vs_multiplier",
                                    f"{claim_q[alt[0]].text} where the platform says {a.text}"))
            continue
        # a count standing in for another figure ("five" for "40%") — but not a bare one or two
        # ("two teams"), which ties nothing, as in _added_figure
        counts = [i for i, c in enumerate(claim_q) if c.dimension == "count" and i not in used
                  and abs(c.value) >= 3 and (not c.noun or _stem(c.noun.lower()) in other_nouns)]
        if counts and a.dimension != "count":
            i = counts[0]
            if not claim_q[i].same_value(a):
                used.add(i)
                diffs.append(Difference("number", f"{claim_q[i].text} where the platform says {a.text}"))
    return diffs


# what stands between the two figures of a change ("… 9 days on average instead of 18")
_BEFORE_AFTER = re.compile(r"^[\w\s,]{0,25}?\b(?:(?P<to>to|down to|up to)|(?P<was>instead of|rather than|versus|vs\.?|"
                           r"against|compared (?:with|to)|down from|up from|from))\s*$", re.I)


def _change(text: str) -> tuple[Quantity, Quantity] | None:
    """The (before, after) of a change the sentence states: "from 12 hours to 2", "in 9 days instead
    of 18", "used to lose twelve hours … now spend about two"."""
    qs = quantities(text)
    norm = normalise(text)
    at, pos = 0, []
    for q in qs:
        i = norm.find(q.text.lstrip("-"), at)
        if i < 0:
            return None
        pos.append((i, i + len(q.text.lstrip("-"))))
        at = pos[-1][1]
    for k in range(len(qs) - 1):
        a, b = qs[k], qs[k + 1]
        if a.dimension != b.dimension or a.same_value(b):
            continue
        between = norm[pos[k][1]:pos[k + 1][0]]
        m = _BEFORE_AFTER.match(between)
        if m and m.group("to") and re.search(r"\bfrom\s*$", norm[:pos[k][0]], re.I):
            return a, b
        if m and m.group("was"):
            return b, a
        if re.search(r"\bused to\b", norm[:pos[k][0]], re.I) and re.search(r"\bnow\b", between, re.I):
            return a, b
    return None


def _reversed_change(claim: str, approved: str) -> str | None:
    """"from 2 hours to 12" where the platform says "from 12 hours to 2": the same two figures, the
    change turned round."""
    c, a = _change(claim), _change(approved)
    if c and a and c[0].dimension == a[0].dimension and c[0].same_value(a[1]) and c[1].same_value(a[0]):
        return f"turns the change round: from {c[0].text} to {c[1].text} where the platform says from {a[0].text} to {a[1].text}"
    return None


def _counts_other_things(c: Quantity, a: Quantity, approved_words: set[str], claim_words: set[str]) -> bool:
    """"two taps" and "30 currencies": counts of things unrelated to each other (neither noun is in
    the other's wording), which no reader would compare."""
    return c.dimension == "count" and bool(c.noun and a.noun) and _stem(c.noun) != _stem(a.noun) \
        and _stem(c.noun) not in approved_words and _stem(a.noun) not in claim_words


def _unit_word(text: str) -> str:
    if re.search(r"\d\s+m$", text):
        return "1"  # "500 m": metres
    m = re.search(rf"({_UNIT_RE})\s*$", text.lower())
    if not m:
        m = re.search(r"(second|minute|hour|day|night|week|month|quarter|year)s?\b", text.lower())
    u = m.group(1) if m else ""
    return _UNIT_TABLE.get(u, ("", 0.0))[1].__str__()


def _capacity(claim: str, q: Quantity) -> bool:
    """"A single gateway handles a hundred sensors": what it can take is a maximum, the platform's "up to"."""
    return bool(re.search(rf"\b(?:handles?|supports?|takes?|serves?|manages?|carr(?:y|ies)|holds?)\s+{re.escape(q.text)}\b",
                          claim, re.I))


_MAY = re.compile(r"\b(?:could|may|might|can)\s+(?:\w+\s+){0,2}?(?:be|last|run|see|get|reach|go|take)\b", re.I)


def _hedge_difference(c: Quantity, a: Quantity) -> Difference | None:
    if a.hedge == c.hedge:
        return None
    if a.hedge == "upto" and c.hedge in (None, "atleast", "exact"):
        said = "drops the hedge" if c.hedge is None else "turns the hedge into"
        return Difference("hedge", f"{said} '{c.text}' where the platform says '{a.text}'"
                          if c.hedge else f"drops the hedge: '{c.text}' where the platform says '{a.text}'")
    if a.hedge == "under" and c.hedge == "atleast":
        return Difference("hedge", f"'{c.text}' where the platform says '{a.text}'")
    if a.hedge == "atleast" and c.hedge in ("upto", "under"):
        return Difference("hedge", f"'{c.text}' where the platform says '{a.text}'")
    return None


_NEG_WORDS = {"not", "no", "never", "without", "zero", "cannot", "nor", "none", "nothing", "nobody", "neither",
              "nowhere", "stops", "stop", "stopped", "fails", "fail", "lacks", "lack"}
# words that begin with "un" but do not deny the rest of the word
_NOT_NEGATIVE_UN = {"understand", "understands", "understood", "underway", "undertake", "undergone", "underpin",
                    "underpins", "universal", "university", "unleash", "unleashes", "unlocks", "unlock", "unravel",
                    "underline", "underlines", "underscore", "undergoes", "undercuts", "underlying", "unparalleled",
                    "unrivalled", "unrivaled", "unmatched", "unbeatable", "unprecedented", "unbeaten", "untangle"}
_CLAUSE = re.compile(r"[,;:.!?—–()]|\s-\s|\bbut\b|\bwhile\b|\bso\b", re.I)


def _singular(word: str) -> str:
    """"currencies" and "currency" alike (``_stem`` keeps the "ie")."""
    return word[:-3] + "y" if len(word) > 4 and word.endswith("ies") else _stem(word)


def _base_form(word: str) -> str:
    """"use", "uses", "using", "used" alike (a rough verb base, for coverage checks)."""
    w = word.replace("'", "")
    return re.sub(r"(ing|ed|es|e|s)$", "", w) if len(w) > 2 else w


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    w = word.replace("'", "")
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


# "take it out" is "withdraw" (also read by classify's overlap)
TAKE_OUT = r"\btak(?:e|es|ing)\s+(?:(?:it|them|money|cash|funds)\s+)?out\b"
_SAME_ACT = [(re.compile(p, re.I), v) for p, v in (
    (r"\brefresh(?:es|ed|ing)?\b", "update"),
    (TAKE_OUT, "withdraw"),
    (r"\bhook(?:s|ed|ing)?\s+(?:up\s+)?(?:to|into)\b", "connect to"),
    (r"\bput(?:s|ting)?\s+(?:(?:it|them|one|reports?|dashboards?)\s+)?together\b|\bassembl(?:e|es|ed|ing)\b", "build"),
)]


@lru_cache(maxsize=8192)
def _negation_scopes(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(content words a negation governs, content words asserted, words of negative clauses).

    A negator ("not", "no", "without", "can't", "zero", "-free") governs the next two content
    words of its clause: "without SQL" denies SQL, "you'll need SQL" asserts it. The third set
    holds every content word that follows a negator in its clause.
    """
    negated: set[str] = set()
    asserted: set[str] = set()
    in_negative: set[str] = set()
    # "rather than X" sets X aside as the alternative: it denies only the word that follows
    text = re.sub(r"\b(rather than|instead of)\b", "rathernot", text.replace("’", "'"), flags=re.I)
    # "not just vibration" says vibration and more: no denial
    text = re.sub(r"\bnot (?:just|only|merely|simply)\b", "as well as", text, flags=re.I)
    text = re.sub(r"\bcosts? (you )?nothing( extra)?\b", "at no cost", text, flags=re.I)
    text = re.sub(r"\b(monthly|annual|account|hidden|extra|maintenance)\s+charges?\b", r"\1 fee", text, flags=re.I)  # one word
    # "without any transfer fee" denies the fee, not transfers: it says transfers are free
    text = re.sub(r"\bwithout (?:spending|paying) (?:a (?:single )?(?:cent|penny|dime)|anything|a thing) (?:on|for)\b",
                  "without", text, flags=re.I)
    text = re.sub(r"\b(?:without|with no|no|zero)\s+(?:any\s+)?(?:extra\s+|additional\s+|hidden\s+)?([a-z-]+)\s+(fees?|charges?)\b",
                  r"free, without \1\2 \2", text, flags=re.I)  # "transferfee": the compound, one word
    text = re.sub(r"\b(?:zero|no|without any|without)\s+(fees?|charges?|costs?)\s+(on|for)\b", r"without \1; free \2",
                  text, flags=re.I)
    text = re.sub(r"\bsub-zero\b", "subzero", text, flags=re.I)
    text = re.sub(r"^\s*(?:can'?t|cannot|don'?t want to) wait\b[^?]{0,30}\?", " ", text, flags=re.I)  # "Can't wait a day?"
    text = re.sub(r"\b(card|barcode|qr)\s+(readers?|terminals?|machines?)\b", r"\1\2", text, flags=re.I)  # one thing
    text = re.sub(r"\bas many (\w+) as (you|they) (like|want|need)\b", r"as many as \2 \3", text, flags=re.I)  # no count asserted
    text = re.sub(r"^\s*why (?:clog|flood|fill|waste|risk|bother with|put up with)\b", "no", text, flags=re.I)  # rhetorical
    text = re.sub(r"\b(don't|doesn't|won't|can't|cannot|never) (faze|fazes|bother|hurt|harm|affect|trouble|damage|kill|knock)s?\b",
                  "keep", text, flags=re.I)  # "washdowns don't faze these sensors": they survive them
    text = re.sub(r"\bfree of\b", "without", text, flags=re.I)  # "free of monthly fees" denies the fees
    # "nobody on the team gets left out", "no one is left out": everyone is in, nothing denied
    text = re.sub(r"\b(?:nobody|no one|no-one|none of (?:you|them|us))\b([^,;.]{0,40}?)\b(?:gets?|is|are|feels?)\s+left out\b",
                  r"everyone\1 is included", text, flags=re.I)
    # "no balance you're required to keep": no minimum balance, not no balance
    text = re.sub(r"\bno (\w+) (?:that )?(?:you're|you are|you'll be|you have to|you need to|you must)\s+(?:required to |obliged to )?"
                  r"(?:keep|hold|maintain)\b", r"no minimum \1", text, flags=re.I)
    # one verb for words that say the same act, so a denial of one meets the other
    for pattern, verb in _SAME_ACT:
        text = pattern.sub(verb, text)
    # "a monthly fee never shows up": the thing is denied by its verb of existence
    text = re.sub(r"\b((?:an?|the|any)\s+)((?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:never|doesn't|does not|won't|will not)\s+"
                  r"(?:shows? up|appears?|applies|apply|exists?|kicks? in|comes? up|turns? up)\b", r"no \2", text, flags=re.I)
    text = re.sub(r"\b(?:never|not|no) (?:more|longer|later|slower) than\b", "at most", text, flags=re.I)  # a bound
    # "Forget streaming raw waveforms", "Skip the chatbot", "Say goodbye to re-keying": said away
    text = re.sub(r"^\s*(?:forget(?: about)?|skip|ditch|say goodbye to|no more)\b", "no", text, flags=re.I)
    text = re.sub(r"\b(?:and|or|then)\s+skip\s+(?:the|any|all)\b", "and no", text, flags=re.I)  # "… and skip the monthly fee"
    # "raw waveforms stay on the device": not sent
    text = re.sub(r"\b((?:raw\s+)?[a-z-]+)\s+stays?\s+(?:on|in|inside)\s+(?:the\s+)?(?:device|sensor|unit|edge)\b",
                  r"no \1 leaves", text, flags=re.I)
    # "keep the sensors away from washdown areas": not for washdowns
    text = re.sub(r"\bkeep(?:s)?\s+(?:[\w-]+\s+){0,2}?(?:away from|out of)\b", "not in", text, flags=re.I)
    text = re.sub(r"\b(don't|doesn't|won't|never|can't|cannot) (stop|fail|lack)s?\b", "keep", text, flags=re.I)  # double negative
    text = re.sub(r"\bpush(?:es)?\s+(?:[\w-]+\s+){0,2}?up\b|\b(?:goes|go|went) up\b", "raises", text, flags=re.I)
    for clause in _CLAUSE.split(text):
        window = 0
        words: set[str] = set()
        negative = last_negated = run = False
        tail: list[str] = []

        def flush() -> None:
            """The noun that ends a denied phrase is denied; the words between say nothing either way."""
            nonlocal run
            if tail:
                negated.add(tail[-1])
                tail.clear()
            run = False
        baseline = 0
        for tok in tokens(clause):
            if tok == "rathernot":
                window = 10  # an alternative set aside, to the end of its phrase ("rather than adapted from
                # one-size-fits-all templates"), not a negative clause
                continue
            if tok == "than" and window == 0:
                baseline = 2  # "more accurate than spreadsheet planning": the yardstick, neither said nor denied
                continue
            if baseline and tok not in _STOP and not tok.isdigit():
                baseline -= 1
                continue
            if tok in _NEG_WORDS or tok.endswith("n't"):
                window = 2
                negative = True
                continue
            if tok.startswith("un") and len(tok) >= 8 and tok not in _NOT_NEGATIVE_UN:
                negated.add(_stem(tok[2:]))  # "stored unencrypted" denies "encrypted"
                negative = True
                words.add(_stem(tok[2:]))
                continue
            if tok in ("and", "with"):
                window = 0
            if tok in ("or", "nor") and window == 0 and last_negated:
                window = 1  # "no cables or electrician", not "no fee to push readings into X or Y"
            if tok in _STOP or tok.isdigit():
                flush()
                continue
            if negative:
                words.add(_stem(tok))
            if tok in _CHANGE_VERBS:
                # "never raises your subscription": the change is denied, not the subscription; and
                # "bumps up" / "increases" are one change, so a denial of one meets the other
                flush()
                (negated if window > 0 else asserted).add("raise")
                window, last_negated, run = 0, False, False
                continue
            if window == 0 and last_negated and run and len(tail) < 2:
                tail.append(_stem(tok))  # the denial runs on to its noun: "never pay a monthly account fee"
                continue
            flush()
            last_negated = window > 0
            (negated if last_negated else asserted).add(_stem(tok))
            window = max(0, window - 1)
            run = True
        flush()
        if negative:
            in_negative |= words
    both = negated & asserted  # said both ways in one sentence: no evidence either way
    return frozenset(negated - both), frozenset(asserted - both), frozenset(in_negative)


_CHANGE_VERBS = {"raise", "raises", "increase", "increases", "change", "changes", "affect", "affects", "alter", "alters",
                 "bump", "bumps", "hike", "hikes", "inflate", "inflates", "grow", "grows", "rise", "rises", "climb", "climbs"}
_ONLY_CONTRAST = re.compile(r"(\bonly\b[^.;!?]*?),?\s+(?:and\s+)?(?:not|rather than|instead of|never)\s+[^,;.!?—–]*|"
                            r"()(?:,\s*(?:and\s+)?not|\s+rather than|\s+instead of)\s+[^,;.!?—–]*", re.I)


def _negation_conflict(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """The claim denies what the platform asserts, or asserts what it denies.

    A word counts only when its clauses differ in polarity as well: "Zero account fees each month"
    and "never pay a monthly account fee" both deny the fee. The company's own names say nothing.
    """
    claim, approved_text = _without_names(claim, own_names), _without_names(approved, own_names)
    if re.search(r"\bonly\b", approved_text, re.I):
        # "only alerts travel" already sets aside every alternative: "only warnings, not raw
        # vibration data" names one of them, it does not deny what the platform asserts
        claim = _ONLY_CONTRAST.sub(lambda m: m.group(1) or "", claim)
    neg_c, asr_c, negc_c = _negation_scopes(claim)
    neg_a, asr_a, negc_a = _negation_scopes(approved_text)
    restated = bool((negc_c & negc_a) - {"need", "extra"})
    denied = [] if restated else sorted(w for w in neg_c & asr_a if w not in negc_a)
    if denied:
        return f"negates '{_as_written(denied, claim)}', which the platform asserts ('{approved}')"
    # a claim that denies what the platform denies ("the bill doesn't grow with the sensor count",
    # "nothing goes back to the factory") restates its negation, whatever else it names
    # … but the thing a clause is about ("the battery lasts the life of the sensor") is not asserted
    # against "never need a new battery" — unless it is said to exist ("a monthly fee applies")
    subjects = _clause_subjects(claim)
    affirmed = [] if restated else sorted(w for w in neg_a & asr_c if w not in negc_c and w not in subjects)
    if affirmed:
        return f"asserts '{_as_written(affirmed, claim)}', which the platform rules out ('{approved}')"
    if not negc_a:
        # a negative clause about what the platform states plainly: "can't handle temperatures below
        # freezing" where it says "survive freezing cold stores"
        denied = sorted(w for w in negc_c & asr_a if w not in neg_a)
        if denied:
            return f"denies '{_as_written(denied, claim)}', which the platform asserts ('{approved}')"
    return None


_EXISTS = {"apply", "applies", "exist", "exists", "comes", "come", "kicks", "charged", "charge", "applied"}
_EXISTS_AFTER_BE = {"charged", "applied", "required", "needed", "payable", "due", "added", "be", "there", "still"}


def _clause_subjects(text: str) -> set[str]:
    """The first noun of each clause ("the battery lasts …" → battery), when a verb other than one
    of existence follows it."""
    out: set[str] = set()
    for clause in _CLAUSE.split(text):
        toks = [t for t in tokens(clause) if t not in _DETERMINERS]
        while toks and toks[0] in ("and", "but", "so", "while", "then", "yet"):
            toks = toks[1:]
        if len(toks) < 2 or toks[0] in _STOP or toks[0] in _PARTY_WORDS or toks[1] in _EXISTS \
                or toks[1].endswith("n't") or toks[1] in _NEG_WORDS:
            continue
        if toks[1] in ("is", "are", "will", "may", "can") and len(toks) > 2 and toks[2] in _EXISTS_AFTER_BE:
            continue  # "a fee is charged", "a minimum balance is required": said to exist
        out.add(_stem(toks[0]))
    return out


def _as_written(stems: Sequence[str], text: str) -> str:
    """The words behind ``stems`` as the claim spells them ("sql" -> "SQL")."""
    out = []
    for stem in stems:
        m = re.search(rf"(?<![\w-]){re.escape(stem)}\w{{0,2}}(?![\w-])", text, re.I)
        out.append(m.group(0) if m else stem)
    return ", ".join(out)


def name_words(own_names: Sequence[str]) -> set[str]:
    """The words of the company's own names, lower case ("keel", "sentinel")."""
    return {w for n in own_names for w in n.lower().split()}


def _marked(text: str, own_names: Sequence[str], mark: str) -> str:
    """``text`` with each of the company's names (and its possessive, "Keel's") replaced by ``mark``."""
    for n in sorted(own_names, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(n)}(?:['’]s)?(?![\w-])", mark, text, flags=re.I)
    return text


def _without_names(text: str, names: Sequence[str]) -> str:
    pattern = _names_pattern(tuple(names))
    return pattern.sub(" ", text) if pattern else text


@lru_cache(maxsize=64)
def _names_pattern(names: tuple[str, ...]) -> "re.Pattern[str] | None":
    """One pattern for all the names, longest first ("Lumen Pulse" before "Lumen")."""
    if not names:
        return None
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?:['’]s)?(?![\w-])", re.I)


def _counts_something_else(claim: str, approved: str) -> bool:
    """Whether the claim's counts are of something other than what the wording has no limit of: "payroll
    for up to 20 employees" beside "unlimited employee cards" never speaks of cards."""
    head = re.search(r"\bunlimited\s+(?:[\w-]+\s+){0,2}?([a-z-]+s)\b", approved, re.I)
    return bool(head) and _singular(head.group(1).lower()) not in {_singular(t) for t in tokens(claim)}


def _number_for_unlimited(claim: str, approved: str) -> str | None:
    """A count for the platform's "unlimited"; a few named ("in the EU and UK") or "any currency"
    for its "30 currencies"."""
    if "unlimited" in tokens(approved) and "unlimited" not in tokens(claim):
        # a count of what the wording has no limit of ("up to 20 cards"), not of something else ("payroll for 20 employees")
        counts = [q for q in quantities(claim) if q.dimension == "count" and not _counts_something_else(claim, approved)]
        if counts:
            return f"'{counts[0].text}' where the platform says unlimited"
    # "in the EU and UK" where the platform says "in 30 currencies": a few named where it counts many
    many = re.search(r"\b(in|to|with|across|for)\s+(\d+|[a-z]+)\s+([a-z-]+s)\b", approved, re.I)
    if many and (_to_float(many.group(2)) or 0) >= 5 and not any(q.dimension == "count" for q in quantities(claim)):
        few = re.search(rf"\b{many.group(1)}\s+((?:the\s+)?[\w-]+(?:\s[\w-]+)?(?:,\s*(?:the\s+)?[\w-]+)*\s+(?:and|or)\s+(?:the\s+)?[\w-]+)",
                        claim, re.I)
        if few and not _UNIVERSAL & set(tokens(few.group(1))):
            return f"'{few.group(0)}' where the platform says '{many.group(0)}'"
    # "…never raises your subscription, up to 500 sensors": a cap on what the wording counts no limit of
    if not quantities(approved) and re.search(r"\b(adding|add|as many|any number|unlimited|never|no limit)\b", approved, re.I):
        a_nouns = {_singular(t) for t in tokens(approved)}
        for q in quantities(claim):
            if q.dimension == "count" and q.hedge == "upto" and q.noun and _singular(q.noun.lower()) in a_nouns \
                    and not _counts_something_else(claim, approved):
                return f"caps it at '{q.text}'; the platform's wording sets no limit"
    counted = {_singular(q.noun): q for q in quantities(approved) if q.dimension == "count" and q.noun}
    for m in re.finditer(r"\bany\s+([a-z-]+)", claim, re.I):  # not "every": "every connector" is each of the 40
        q = counted.get(_singular(m.group(1).lower()))
        if q and not any(c.dimension == "count" for c in quantities(claim)):
            return f"'{m.group(0)}' where the platform says {q.text} {q.noun}"
    return None


_QUANTIFIERS = re.compile(r"\b(most|many|typical|typically|usually|normally|often|majority|generally|chances are|"
                          r"odds are|more often than not)\b", re.I)


def _dropped_quantifier(claim: str, approved: str) -> str | None:
    """"Most retailers are live …" said of every retailer."""
    m = re.match(r"\s*(most|many)\b", approved, re.I)
    if m and not _QUANTIFIERS.search(claim):
        return f"drops the hedge '{m.group(1).lower()}': the platform says it of {m.group(1).lower()}, not all"
    # "Alerts arrive on average 3 weeks before a bearing fails" said of every alert
    m = re.search(r"\b(on average|typically|usually)\b", approved, re.I)
    figures = {q.dimension for q in quantities(approved)}
    if m and not _QUANTIFIERS.search(claim) and (not figures or any(q.dimension in figures for q in quantities(claim))) and not re.search(r"\b(average|avg|about|around|roughly|approximately|"
                                                              r"some|up to|as much as|expect|can)\b|~", claim, re.I):
        return f"drops the hedge '{m.group(1).lower()}': the platform gives a typical figure, not a promise for every case"
    return None


# Opposite ideas that marketing copy states in many words: (name, pattern) pairs.
_OPPOSITE_IDEAS = [
    (("retrained", r"\b(re-?train(ed|s|ing)?|relearn\w*|re-?learn\w*)\b"),
     ("trained once", r"\b(trained once|left as (they|it) (are|is)|never re-?trained|one-off training)\b")),
    (("free", r"\b(free|costs? (you )?nothing|without paying|zero (cost|charge|fees?)|no charge|at no (extra |additional )?(cost|charge)|no (extra |additional )?(cost|charge)|included|"
              r"without (extra |additional )?(cost|charge))\b"),
     ("paid", r"\b(paid (add-on|plan|tier|feature|option|upgrade|extra|service)s?|(an?|as an?) paid|add-on|costs? extra|(?<!no )(?<!without )extra (cost|charge|fee)|surcharge|charged (for|separately)|"
              r"at an? (extra|additional) (cost|charge)|for an? (extra|additional) fee)\b")),
    (("online", r"\b(online(?! (stores?|shops?|orders?|sales|checkouts?|retail|marketplaces?|(and|or|&) in-?(store|person)))|in (your|the) browser|from (your|a) (phone|laptop|browser)|digitally|in the app)\b"),
     ("in person", r"\b(in person|in-person|(visit|trip to|go to|at) an? (branch|office)|in (a|the|our) branch|"
                   r"(visit|trip|go) (to )?(one of )?(our|the|a) (branch|branches|offices?)|"
                   r"paper forms?|by post|by mail)\b")),
    (("automatic", r"\b(automatic(ally)?|by (it|them)sel(f|ves)|on (its|their) own|hands-free)\b"),
     ("manual", r"\b(manual(ly)?|by hand|types? (every|each|all|in)|keys? (in|every|each|all)|re-?keys?|enters? (every|each|all)|"
                r"cop(y|ies) (every|each|all))\b")),
    (("in advance", r"\b(before (a|the|any)? ?[\w-]+ (ever |even |actually )?(fails|breaks|goes|happens)|ahead of|in advance|weeks? (early|before)|"
                    r"sees? (?:[\w-]+\s+){0,3}coming|(flag(s|ging)?|spots?|spotting|warn(s|ing)?|tell(s|ing)?|catch(es|ing)?) (you |it |them )?(first|early)|by surprise|off guard|(gets?|slips?) past|"
                    r"predict(s|ed|ing|ion|ions)?|foresight|before it (happens|goes)|"
                    r"before (a|the|any) [\w-]+ (is|goes|runs|turns up) (empty|out|dry|bare)|while there'?s still)\b"),
     ("too late", r"\b(once .{0,40}\balready\b|after (a|the) [\w-]+ (has )?(failed|broken|gone)|too late|after the fact)\b")),
    (("international", r"\b(international|overseas|abroad|cross-border|foreign)\b"),
     ("domestic", r"\b(domestic|in-country|within the (us|uk|country)|(same-day |next-day )?ach|"
                  r"(us|u\.s\.|local) (vendors|suppliers|payees|transfers|bank accounts))\b")),
    (("wireless", r"\b(wireless|wi-?fi|cable-?free|no cables?)\b"),
     ("wired", r"\b(wired|cabled|hard-?wired|needs? (a )?cables?)\b")),
    (("any-time access", r"\b((?<!n't )(?<!not )(withdraw|take (it|your money|money) out|access (it|your money))(\s+[\w-]+){0,4}?\s+(at )?"
                         r"(any ?time|whenever)|instant access|no lock-?in|penalty-free withdrawals?)\b"),
     ("locked in", r"\b(locked( in| up| away)?|lock-?in|fixed[- ]term|until the term ends|notice period|"
                   r"can'?t (withdraw|take)|no withdrawals)\b")),
    (("own limits", r"\b((its|their) own (spending )?(limits?|caps?)|per[- ]card (limits?|caps?)|card[- ]by[- ]card|"
                    r"limits? (for|on) each card)\b"),
     ("one shared limit", r"\b(share(s|d)? (one|a|the same|a single)( company-wide| spending| common){0,2} (limit|cap)|"
                          r"one (company-wide|shared|single|common) (spending )?(limit|cap)|"
                          r"same (spending )?(limit|cap) (for|on|across) (all|every))\b")),
    (("on site", r"\b(on[- ]site|in place|on the line|where (it|the sensor) sits|right there)\b"),
     ("sent back", r"\b((ship|send|return|mail)(ped|ed|s|ing)? (it |them |the [\w-]+ )?back|back to (the factory|us)|"
                   r"to (the|our) factory)\b")),
    (("works offline", r"\b((works?|working|keeps? (working|running|going)|carr(y|ies) on|runs?)\b[^.;]{0,30}\b(offline|"
                       r"without (a |an )?(connection|signal|internet|wi-?fi))|offline mode|"
                       r"(no|lost|lose|loses|without|dead) (signal|connection|internet|wi-?fi)\b[^.;]{0,40}\b(carr(y|ies) on|"
                       r"keeps? (working|running|going))|(signal|connection|internet|wi-?fi) (cuts? out|drops?( out)?|dies|(is )?dead|"
                       r"goes down)\b[^.;]{0,40}\b(carr(y|ies) on|keeps? (working|running|going)))\b"),
     ("needs a connection", r"\b((needs?|requires?) (a |an )?(live |constant |stable |internet |network |permanent )?"
                            r"(connection|internet|signal|wi-?fi)|only works online|online[- ]only)\b")),
    (("replacement sent to you", r"\b(replacements? (sensors? |units? |parts? )?(ships?|shipped|is sent|are sent|go out|"
                                 r"dispatched)|we('ll)? (ship|send) (you )?(a |the )?replacement)\b"),
     ("you send it to us", r"\b((ship|send|return|post|mail)s? (it|them|the [\w-]+( [\w-]+)?) (back )?to us|"
                           r"get (it|them|the [\w-]+( [\w-]+)?) back to us)\b")),
    (("on the device", r"\b(on the (sensor|device|unit)( itself)?|(inside|in) the (sensor|device|unit)( itself)?|on[- ]board|"
                       r"at the edge|on the edge)\b"),
     ("elsewhere", r"\b(analysis|processing|number-crunching) (runs|happens|is done|takes place) (on|in|at) (the( [\w-]+)? gateway|"
                   r"the cloud|our servers?)\b|"
                   r"\b((the|a)( [\w-]+)? gateway|the cloud|our cloud|our servers?)\s+(does|do|crunch(es)?|analy[sz]es|process(es)?|"
                   r"handles?|runs?)\b|\b(analy[sz]ed|processed|crunched)\b[^.;]{0,30}\b(in the cloud|on our servers?|"
                   r"(at|on|by|in) the( [\w-]+)? gateway)\b")),
    (("you reach a person", r"\b(you reach|reach a|get through to|picks? up|answers? (the phone|your call))\b"),
     ("a call back", r"\b(call(s|ing)? you back|rings? you back|calls? back|call-?backs?|leave your (number|details))\b")),
    (("a battery for life", r"\b(outlasts?|outlives?|(sealed|built) in for life|for (the )?life|lifetime batter(y|ies)|"
                            r"never (need|needs) (a )?(new|replacement|fresh|spare) (battery|batteries|cell)|"
                            r"(battery|cell) (replacements?|swaps?|changes?) (are|is) (a thing of the past|history|never)|"
                            r"never (have to )?(replace|change|swap) (the |a |its )?(battery|cell))\b"),
     ("a battery replaced", r"\b((swap|replace|change|put)(s|ped|d|ing)? (in )?(the |a |its |their |each )?(fresh |new )?"
                            r"(battery|batteries|cell|cells)|battery (swaps?|replacements?|changes?) (on site|in seconds|take)|"
                            r"(battery|cell) needs? (replacing|replacement|changing|swapping))\b")),
    (("a person on the phone", r"\b((real|actual|live) (person|human)|a (person|human) (answers|picks up)|no bots?)\b"),
     ("no person on the phone", r"\b((chat|e-?mail)[- ]only|(chat|e-?mail) (and|or) (chat|e-?mail) only|no phone( line| number| support)?|"
                                r"chatbots?|(a|the) bot|(an? |our )?(automated|virtual|ai)( voice)? (assistant|agent|menu|attendant)s?|"
                                r"don'?t (take|answer) (customer )?(calls|the phone)|(not|never|won't|don't) (get|reach|speak to) a (human|person))\b")),
    # how long it takes: "in under an hour", "the same afternoon", "in about 10 minutes" against "a slow,
    # drawn-out process", "budget several days", "a multi-week project", "isn't a quick job"
    (("quick", r"\b(in (under|about|less than|around) (an? |one |\d+ |ten |five |two )?(minutes?|hours?)|the same (afternoon|morning|day)|"
               r"in (a few |mere )?(minutes|seconds)|within (an|the) hour)\b"),
     ("slow", r"\b(slow(?![- ](?:moving|movers?|sell\w*|stock|lines?|items?|products?))|drawn[- ]out|lengthy|long[- ]winded|(isn'?t|is not|not) (a |so )?(quick|fast)|takes? (days|weeks|months)|"
              r"(several|a few|many|multiple) (days|weeks|months)|multi-?(day|week|month)|a long (project|job|process)|"
              r"weeks of (\w+ )?(work|effort|setup|integration))\b")),
    (("you earn interest", r"\b(earn(s|ing)?\b[^.;]{0,30}\b(apy|interest|yield)|interest is paid|we pay (you )?interest)\b"),
     ("you pay interest", r"\b((you|you'll|customers|businesses) (pay|owe) (the |an? )?interest|interest (is )?charged|"
                          r"charges? (you )?interest)\b")),
    (("you get paid", r"\b(get(s|ting)? paid|receive payments?|paid (faster|sooner|quicker)|customers pay you|"
                      r"invoices( with [\w-]+ [\w-]+)? (are|get) paid)\b"),
     ("you pay", r"\b((settle|pay)s? (your|their) (suppliers'? |vendors'? )?(invoices|bills)|pays your invoices|"
                 r"(you|you'll) pay (your )?(suppliers|vendors))\b")),
    (("unlimited", r"\b(unlimited|as many as you (like|want|need)|no (cap|limit)s?)\b"),
     ("capped", r"\b(capped|limited to|a maximum of|at most|up to \d+ (users|seats|cards|stores))\b")),
]


_IDEA_PATTERNS = [((xn, re.compile(xr)), (yn, re.compile(yr))) for (xn, xr), (yn, yr) in _OPPOSITE_IDEAS]

# promises whose opposite is plainly a contradiction, however far apart the rest of the words are (not
# "domestic" for "international" or "automatically" for "by hand": those are often another thing)
_PLAIN_OPPOSITES = [(x, y) for x, y in _IDEA_PATTERNS if x[0] in ("quick", "a person on the phone")]


def plain_opposite(claim: str, approved: str) -> str | None:
    """"Wiring their tills into Lumen Pulse is a multi-week IT project" where the platform says "in under
    an hour", "Support is chat and email only" where it says a person answers the phone: the plain
    opposite of the wording's promise (read also below the topic threshold)."""
    low, a_low = claim.lower(), approved.lower()
    for (yes_name, yes), (_, no) in _PLAIN_OPPOSITES:
        m = no.search(low)
        if m and yes.search(a_low) and not no.search(a_low) and not yes.search(low):
            return f"says '{m.group(0)}' where the platform says {yes_name}"
    return None



@lru_cache(maxsize=8192)
def ideas(text: str) -> frozenset[str]:
    """What ``text`` says about the subjects of ``_OPPOSITE_IDEAS``, either way: "costs nothing" and
    "a paid add-on" both speak of the price ("free/paid"), "online" and "a trip to a branch" of the
    channel. Two sentences that speak of the same subject are likely about the same message."""
    low = text.lower()
    return frozenset(f"{x[0]}/{y[0]}" for x, y in _IDEA_PATTERNS
                     if x[0] not in _WEAK_TIES and (x[1].search(low) or y[1].search(low)))


_WEAK_TIES = {"automatic", "quick"}  # "automatically" is said of everything: no evidence two sentences share a topic


def _affirmative(text: str) -> str:
    """``text`` without what it denies: "so your accountant never re-keys a receipt" → "so your accountant"."""
    return re.sub(r"\b(never|not|no|without|nothing|\w+n[’']t)\b[^,;.]*", " ", text, flags=re.I)


@lru_cache(maxsize=8192)
def _idea_sides(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The sides of ``_OPPOSITE_IDEAS`` that ``text`` says, as written and in what it affirms
    ("never re-keys" is not manual)."""
    raw, yes = text.lower(), _affirmative(text).lower()
    sides = [side for pair in _IDEA_PATTERNS for side in pair]
    return (frozenset(name for name, rx in sides if rx.search(raw)),
            frozenset(name for name, rx in sides if rx.search(yes)))


def _opposite_idea(claim: str, approved: str) -> str | None:
    a_raw, a_yes = _idea_sides(approved)  # the platform's wordings recur: cached
    if not a_raw:
        return None
    c_yes = _affirmative(claim).lower()
    for (x_name, x_re), (y_name, y_re) in _IDEA_PATTERNS:
        for (p_name, p_re), (q_name, q_re) in (((x_name, x_re), (y_name, y_re)), ((y_name, y_re), (x_name, x_re))):
            if p_name in a_raw and q_name not in a_yes:
                said = q_re.search(c_yes)
                if said and not p_re.search(c_yes):  # "one shared limit; you can't set limits card by card"
                    found = re.sub(r"^(as )?an? ", "", said.group(0))
                    return f"says '{found}' where the platform says {p_name} ('{approved}')"
    return None


_TOWARD = re.compile(r"\b(to|into|onto)\s+(?:(?:your|the|our|their|any|a|an|its)\s+)?([a-z][\w-]{2,})", re.I)
_AWAY = re.compile(r"\b(from|out of|off)\s+(?:(?:your|the|our|their|any|a|an|its)\s+)?([a-z][\w-]{2,})", re.I)
_NOT_PLACES = {"day", "days", "week", "month", "year", "hour", "hours", "minutes", "seconds", "start",
                                 "finish", "end", "date", "time", "scratch", "anywhere", "everywhere", "one", "two"}


_SOURCE = re.compile(r"\b([a-z][\w-]{2,})(?: or ([a-z][\w-]{2,}))? (?:(?:can|will|could|may) )?"
                     r"(?:sends?|push(?:es)?|exports?|syncs?|streams?|feeds?|uploads?|pipes?)\b", re.I)


def _reversed_direction(claim: str, approved: str) -> str | None:
    """Data moves the other way: "pulls every transaction out of QuickBooks" where the platform
    says "every transaction syncs to QuickBooks"."""
    def ends(pattern: re.Pattern[str], text: str) -> set[str]:
        out = set()
        for m in pattern.finditer(text):
            # "to any historian or CMMS": both places
            more = re.match(r"\s+(?:or|and)\s+(?:(?:your|the|our|any|a|an)\s+)?([a-z][\w-]{2,})", text[m.end():], re.I)
            out |= {w.lower() for w in (m.group(2), more.group(1) if more else None) if w and w.lower() not in _NOT_PLACES}
        return out
    to_c, from_c, to_a, from_a = ends(_TOWARD, claim), ends(_AWAY, claim), ends(_TOWARD, approved), ends(_AWAY, approved)
    for m in _SOURCE.finditer(claim):  # "your historian or CMMS sends its readings into Keel"
        from_c |= {w.lower() for w in m.group(1, 2) if w}
    def shown(place: str) -> str:
        m = re.search(rf"\b{re.escape(place)}\b", approved, re.I)
        return m.group(0) if m else place
    for place in sorted((to_a - from_a) & (from_c - to_c)):
        return f"moves it out of {shown(place)} where the platform says into it"
    for place in sorted((from_a - to_a) & (to_c - from_c)):
        return f"moves it into {shown(place)} where the platform says out of it"
    return None


def _reversed_words(claim: str, approved: str) -> str | None:
    """A word of the approved wording replaced by its opposite ("before" → "after")."""
    idea = _opposite_idea(claim, approved) or _reversed_direction(claim, approved)
    if idea:
        return idea
    ct, at = set(tokens(claim)), set(tokens(approved))
    negative_c = _negation_scopes(claim)[2]
    for x, y in _OPPOSITES:
        for p, q in ((x, y), (y, x)):
            if p in at and p not in ct and q in ct and q not in at and _stem(q) not in negative_c:
                return f"says '{q}' where the platform says '{p}'"
    own = re.search(r"\b(?:its|their|your|our) own (\w+)", approved, re.I)
    same = re.search(r"\bthe same (\w+)", claim, re.I)
    if own and same and _stem(own.group(1).lower()) == _stem(same.group(1).lower()):
        return f"says 'the same {same.group(1)}' where the platform says '{own.group(0)}'"
    per_c, per_a = _PER.findall(claim.lower()), _PER.findall(approved.lower())
    if len(per_a) >= 2 and sorted(per_c) == sorted(per_a) and per_c != per_a:
        return f"swaps the roles: 'per {per_c[0]}' where the platform says 'per {per_a[0]}'"
    return None


_PER = re.compile(r"\bper\s+([a-z]+)")


# --- scope and roles -------------------------------------------------------------------------

_PLAN = re.compile(r"\b(?:[Oo]n|[Ww]ith|[Ii]n)\s+(?:the|our|your)\s+(?:[A-Z][\w-]*\s+)?([A-Z][\w-]*|premium|paid|top|higher|business|pro)\s+"
                   r"(?:plan|tier|edition|package|subscription)s?\b")


_CONDITION = re.compile(r"\b(?:unless|(?<!lasts )(?<!last )(?<!runs )(?<!works )as long as (?:you|your|the|they|it|we)|once (?:you've|they've|you have|they have|you|they) (?:completed|finished|passed|taken|done|signed)|provided (?:that|you)|only if|only when|except|excluding|"
                        r"once (?:fitted|installed|paired|upgraded|equipped)|(?:with|using|requires?|needs?) (?:the|an|our) optional|"
                        r"(?:opened|signed up|joined|bought|purchased) (?:before|after|since))\b", re.I)


_LEADING = re.compile(r"^\s*(?:(?:buy|order|purchase|sign up|subscribe)\s+(?:through|via|from|on|with)\s+[^,?;:—–]{3,50}?\s+and\s+|"
                      r"(?:sign|commit to|take out|choose)\s+(?:up\s+for\s+)?an?\s+[\w-]+(?:\s+[\w-]+)?\s+(?:contract|agreement|"
                      r"commitment|subscription|term|plan)\s+and\s+|"
                      r"(?:(?:for|on|in|with|under|once|after|outside(?: of)?|except|during)\s|"
                      r"if (?:you|your|you're|you are)\b)[^,?;:—–]{3,70}[,—–]|"
                      r"[^,?;:]{3,50}\?\s*then\b)", re.I)


def _leading_condition(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"If your team is on iPhone, the app keeps running offline"; "On flat steel surfaces, a
    technician fits a sensor in 10 minutes": a condition put before what the platform says of all."""
    m = _LEADING.match(_without_names(claim, own_names))
    if not m or _LEADING.match(_without_names(approved, own_names)):
        return None
    a_words = {_stem(t) for t in tokens(approved)}
    words = [t for t in tokens(m.group(0)) if t not in _STOP and t not in _SKIP_BEFORE and len(t) > 2
             and not t.isdigit() and _to_float(t) is None and t not in ("once", "after", "outside", "except")]
    # (a condition that something be so everywhere still is one: "Once every motor has a sensor, …")
    if not re.match(r"\s*(?:once|after|if)\b", m.group(0), re.I) \
            and any(t in _UNIVERSAL or t in ("most", "many", "some", "typical", "typically", "usually") for t in tokens(m.group(0))) \
            or re.match(r"\s*(?:in|under|within|for|on|with)\b", m.group(0), re.I) \
            and any(q.dimension != "count" for q in quantities(m.group(0))):
        return None  # "For every store, …", "In under an hour, …", "For most shops, …": no condition
    new = [t for t in words if _stem(t) not in a_words]
    # "For plants with up to 200 sensors, …": a cap the platform's wording does not set
    a_q = quantities(approved)
    if any(q.same_value(a) for q in quantities(m.group(0)) for a in a_q):
        return None  # "With 40 connectors out of the box, …": the wording's own figure, no condition
    cap = [q for q in quantities(m.group(0)) if q.hedge in ("upto", "under") and not any(q.same_value(a) for a in a_q)]
    if new or cap:
        return f"adds the condition '{m.group(0).strip(' ,—–')}'; the platform's wording sets none"
    return None


_SUBJECT_RESTRICTION = re.compile(
    r"^\s*(?:(?:the|your|our|all|every|each|any)\s+)?(?:[\w-]+\s+)?([a-z][\w-]*s|(?<=every )[a-z][\w-]*|(?<=each )[a-z][\w-]*|(?<=any )[a-z][\w-]*)\s+"
    r"((?:bought|purchased|ordered|mounted|installed|fitted|placed|located|kept|used|running|with|that|who|taken|made|"
    r"processed|sold|shipped|deployed)\s+[^,;.]{3,50}?)"
    r"\s+(?:come|comes|carry|carries|get|gets|go|goes|run|runs|last|lasts|can|pay|pays|see|sees|are|is|have|has|keep|keeps|"
    r"cut|cuts|save|saves|earn|earns|reduce|reduces|land|lands|arrive|arrives|reach|reaches|sync|syncs|hit|hits|work|works)\b",
    re.I)


def _restricted_subject(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Sensors bought on an annual plan come with a 3-year warranty", "store managers with admin
    rights can build reports": the subject limited to some of what the platform speaks of."""
    m = _SUBJECT_RESTRICTION.match(re.sub(r"\s+", " ", _without_names(claim, own_names)))
    if not m:
        return None
    a_words = {_stem(t) for t in tokens(approved)}
    if _stem(m.group(1).lower()) not in a_words and m.group(1).lower() not in _CUSTOMER_UNITS:
        return None  # another subject altogether (a kind of customer is always one the platform speaks to)
    if _OUR_PRODUCT.match(m.group(2)):
        return None  # "factories running our sensors": those who run the product, said without its name
    a_bases = {_base_form(t) for t in tokens(approved)}  # "that use" is the platform's "using"
    new = [t for t in tokens(m.group(2)) if t not in _STOP and t not in _SKIP_BEFORE and len(t) > 2
           and _base_form(t) not in a_bases and t not in ("bought", "purchased", "ordered", "running", "with", "that", "who",
                                                          "taken", "made", "processed",
                                                          "run", "runs", "use", "uses", "deploy", "deploys", "have", "has")]
    if new:
        every = "all" if m.group(1).lower().endswith("s") else "every"
        return f"'{m.group(1)} {m.group(2)}' where the platform says it of {every} {m.group(1).lower()}"
    return None


_OUR_PRODUCT = re.compile(r"(?:running|using|with|that\s+(?:use|run)|who\s+(?:use|run))\s+(?:our|the)\s+"
                          r"(?:sensors?|devices?|product|platform|app|solution|system|tool|software)\s*$", re.I)
_CUSTOMER_UNITS = {"sites", "plants", "stores", "shops", "businesses", "companies", "customers", "retailers", "factories",
                   "facilities", "merchants", "accounts"}


# "Retailers using Lumen Pulse …": who the platform says it of, by the product they run
_USERS_OF = re.compile(r"(?:^|[,:;—–]\s*|\s-\s+)((?:[\w&][\w&-]*\s+){0,4}?\w[\w-]*)\s+(?:that|who|which)?\s*"
                       r"(?:use|uses|using|run|runs|running|on|with|adopting|deploying)\s+(?:the\s+)?PRODUCT\b", re.I)
# words that name everyone who runs the product, not a kind of them
_ANY_USERS = {"retailers", "retailer", "retail", "stores", "store", "shops", "shop", "chains", "chain", "businesses",
              "business", "companies", "company", "customers", "customer", "clients", "client", "teams", "team",
              "plants", "plant", "factories", "factory", "sites", "site", "facilities", "facility", "manufacturers",
              "operators", "users", "brands", "merchants", "sellers", "organisations", "organizations", "firms",
              "mills", "owners", "people", "those", "ones", "operations", "the", "our", "your", "their", "and", "of",
              "many", "most", "all", "every", "any", "typical", "average", "today", "on", "in", "that", "who"}


_NOT_A_NOUN_PHRASE = {"is", "are", "was", "were", "be", "been", "being", "am", "get", "gets", "got", "go", "goes", "went",
                      "live", "can", "will", "you", "we", "they", "it"}


def _kind_of_users(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Grocery chains that run Lumen Pulse cut stockouts by up to 25%" where the platform says it
    of "Retailers using Lumen Pulse": one kind of customer where the platform speaks of all."""
    pattern = _names_pattern(tuple(own_names))
    if not pattern:
        return None
    a = _USERS_OF.search(pattern.sub("PRODUCT", approved))
    c = _USERS_OF.search(pattern.sub("PRODUCT", claim))
    if not a or not c:
        return None
    if any(set(tokens(m.group(1))) & _NOT_A_NOUN_PHRASE for m in (a, c)):
        return None  # "Fairway Grocers was live on Lumen Pulse": a clause, not who runs it
    a_words = {_stem(t) for t in tokens(a.group(1))}
    extra = [t for t in tokens(c.group(1)) if t not in _ANY_USERS and _stem(t) not in a_words and not t.isdigit()]
    if extra:
        return f"'{c.group(1).strip()}' where the platform says it of '{a.group(1).strip()}'"
    return None


_ANY_OF = re.compile(r"\b(?:any|all|every)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.I)
_PROPER = re.compile(r"(?<![.!?:]\s)(?<!^)\b([A-Z][\w-]*[A-Za-z](?:\s+[A-Z][\w-]*)*)")


def _named_for_any(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Readings flow into SAP PM and IBM Maximo" where the platform says "to any historian or
    CMMS": particular ones named where the platform says any."""
    m = _ANY_OF.search(approved)
    if not m or re.search(r"\b(?:any|all|every|whichever|whatever|whether)\b", claim, re.I):
        return None
    phrase = m.group(1).lower().split()  # "historian or CMMS through" → historian, cmms; "card sale" → sale
    heads = phrase[:next((k for k, w in enumerate(phrase) if w in _STOP and w != "or"), len(phrase))]
    nouns = {_stem(w) for k, w in enumerate(heads) if w != "or" and (k + 1 == len(heads) or heads[k + 1] == "or")}
    a_joined = re.sub(r"[\s-]+", "", approved.lower())
    # "Fernway Business": a capitalised word right after the company's name is part of its own name
    # (but "Sentinel Pro" names one model)
    for n in sorted(own_names, key=len, reverse=True):
        claim = re.sub(rf"(?<![\w-]){re.escape(n)}\s+(?!(?:Pro|Plus|Max|Mini|Lite|Ultra|Premium|Enterprise|Advanced|Elite|XL)\b)"
                       r"[A-Z][\w-]*", " ", claim)
    text = _without_names(claim, own_names).strip()
    names = [n for n in _PROPER.findall(text) if len(n) > 1 and re.sub(r"[\s-]+", "", n.lower()) not in a_joined]
    # the same slot: the platform's "any CMMS" is named in the claim ("SAP PM is the supported CMMS"),
    # or the names stand where the platform's "to/into any …" stands ("flow into SAP PM")
    same_noun = bool(nouns & {_stem(t) for t in tokens(text)})
    slot = re.search(r"\b(?:to|into|with)\s+(?:any|all|every)\b", approved, re.I)
    names = [n for n in names if same_noun or slot and re.search(rf"\b(?:to|into|with)\s+(?:the\s+)?{re.escape(n)}", text)]
    said = [n for n in _PROPER.findall(_without_names(approved, own_names)) if re.search(rf"\b{re.escape(n)}\b", text)]
    if names and not said and re.search(r"\b(?:also|too|as well|now)\b", text, re.I):
        return None  # "Fernway now syncs with FreshBooks too": another integration, not a narrowing of "any"
    if names:
        return f"names {', '.join(names)} where the platform says {m.group(0).strip()}"
    return None


_MODEL_WORD = re.compile(r"\b(?:model|version|edition|variant|range|series)\b", re.I)
_ONE_MODEL = re.compile(r"\b(?:the|our|its)\s+((?:[\w-]+\s+){1,2}?)(model|version|edition|variant|range|series)\b", re.I)


_ANY_YOURS = re.compile(r"\b(?:whatever|whichever|any|every|all)\s+(?:[\w-]+\s+){0,2}?([a-z]+?)s?\s+(?:you|your\s+[a-z]+)\s+"
                        r"(?:run|runs|use|uses|have|has|own|choose|pick)\b|"
                        r"\b(?:every|any|all)\s+(?:[\w-]+\s+){0,2}?([a-z]+?)s?\s+(?:on the market|out there|in existence)\b", re.I)
_WHOLE = re.compile(r"\b(every dollar|all (?:of )?your (?:money|cash|funds)|everything you (?:hold|keep|have)|your (?:whole|entire|full) "
                    r"balance|checking(?: balances?| accounts?)?)\b", re.I)


def _any_of_yours(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Whatever point-of-sale system you run" where the platform says "connect your point-of-sale
    system"; "every point-of-sale system on the market": said of any one, where the platform
    speaks of the customer's own."""
    m = _ANY_YOURS.search(claim)
    if not m:
        return None
    noun = (m.group(1) or m.group(2)).lower()
    if re.search(rf"\byour\s+(?:[\w-]+\s+){{0,2}}{re.escape(noun)}s?\b", approved, re.I) \
            and not re.search(r"\b(?:any|every|all|whatever)\b", approved, re.I):
        return f"'{m.group(0)}' where the platform says your {noun}"
    # "whatever accounting software you use" where the platform names the products ("QuickBooks or Xero")
    named = _NAMED_LIST.search(approved)
    if named and not re.search(r"\b(?:any|whatever|whichever)\b", approved, re.I) \
            and not re.search(r"\bof (?:the|these|those) (?:two|three|four|both)\b|\bof them\b", m.group(0), re.I):
        # (not when it names just those: "whichever link your site has: Wi-Fi, Ethernet or LTE")
        items = {x.lower() for x in re.split(r",?\s+(?:or|and)\s+|,\s+", named.group(0))}
        said = {x.lower() for x in re.findall(r"(?<!^)\b[A-Z][\w-]*(?:\s[A-Z][\w-]*)?", claim.strip())} - name_words(own_names)
        if not (items <= said and said <= items):
            return f"'{m.group(0)}' where the platform names {named.group(0)}"
    return None


# a list of names: "QuickBooks or Xero", "Wi-Fi, Ethernet or LTE", "SAP PM and OSIsoft PI"
_NAMED_LIST = re.compile(r"\b[A-Z][\w-]*(?:\s[A-Z][\w-]*)?(?:,\s+[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)*,?\s+(?:or|and)\s+[A-Z][\w-]*(?:\s[A-Z][\w-]*)?\b")


def _whole_for_part(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Earn up to 3.2% APY on every dollar in your account" or "… checking balance included" where
    the platform says "on money in your savings pot": the whole said where the platform names a part."""
    part = re.search(r"\b(?:money|cash|funds|balances?)\s+(?:in|on)\s+your\s+(?:[\w-]+\s+){0,2}?([a-z]+\s+(?:pot|account|vault))\b",
                      approved, re.I)
    whole = _WHOLE.search(claim)
    if part and whole and (part.group(1).split()[0].lower() not in claim.lower()
                           or re.search(r"\b(?:too|as well|included|alike|also)\b", claim, re.I)):
        return f"'{whole.group(0)}' where the platform says money in your {part.group(1)}"
    return None


_CARD_BRANDS = re.compile(r"\b(Visa|Mastercard|MasterCard|Amex|American Express|Discover|Maestro|UnionPay|JCB)\b")


_NOT_YET = re.compile(r"\b([A-Z][\w-]+)\s+(?:support\s+)?(?:is|are)\s+(?:on the roadmap|coming soon|not yet (?:available|supported|live)|"
                      r"in beta|planned)\b")


def _not_yet(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Xero support is on the roadmap" where the platform says transactions sync to QuickBooks or
    Xero: one of the things it names said not to be there yet."""
    m = _NOT_YET.search(claim)
    if m and re.search(rf"\b{re.escape(m.group(1))}\b", approved):
        return f"says {m.group(1)} is not there yet ('{m.group(0)}') where the platform names it"
    return None


def _card_brand(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Visa payments land next business day" where the platform says card payments do: one card
    network named for every card."""
    brands = [m.group(1) for m in _CARD_BRANDS.finditer(claim)]
    if brands and re.search(r"\bcards?\b", approved, re.I) and not _CARD_BRANDS.search(approved) \
            and not re.search(r"\b(?:any|every|all)\s+(?:major\s+)?cards?\b|\bwhatever card\b", claim, re.I):
        return f"names {' and '.join(dict.fromkeys(brands))} where the platform says any card"
    return None


def _one_model(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"The stainless-steel model is IP68 rated" where the platform says the sensors are: one model
    (version, edition) of the product where the platform speaks of them all; "Sentinel Pro sensors"
    (the product's name and a model word)."""
    for n in sorted(own_names, key=len, reverse=True):
        named = re.search(rf"(?<![\w-]){re.escape(n)}\s+(Pro|Plus|Max|Mini|Lite|Ultra|XL|Go|Edge|\d+)\b", claim)
        if named and not re.search(rf"\b{re.escape(named.group(1))}\b", approved):
            return f"'{named.group(0)}' where the platform speaks of every one"
    # (the product's name read as "the": "Sentinel's high-temperature model", "the stainless-steel Keel Sentinel model")
    m = _ONE_MODEL.search(claim)
    said = m.group(0).strip() if m else ""
    if not m and _MODEL_WORD.search(claim):
        m = _ONE_MODEL.search(re.sub(r"\s+", " ", _marked(claim, own_names, " the ")))
        said = " ".join(w for w in f"{m.group(1)} {m.group(2)}".split() if w.lower() != "the") if m else ""
    if not m or re.search(rf"\b{m.group(2)}s?\b", approved, re.I):
        return None
    if not re.search(r"\b[A-Z]|\w-\w", m.group(1)):
        return None  # a name ("the Sentinel Pro model") or a make ("the stainless-steel model"), not "the forecasting model"
    a_words = {_stem(t) for t in tokens(approved)}
    names = name_words(own_names)
    new = [t for t in tokens(m.group(1)) if _stem(t) not in a_words and t not in _STOP and t not in names]
    if not new and not set(tokens(m.group(1))) & names:
        return None
    return f"'{said}' where the platform speaks of every one"


_DEVICES = re.compile(r"\b(ipads?|iphones?|android|ios|tablets?|smartphones?|windows|macs?|macos|chromebooks?|"
                      r"web|desktop|browser|laptops?)\b", re.I)


def _other_device(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"The iPad version of the app" or "the web dashboards and the mobile app" where the platform
    says "the mobile app": one device of many, or more than the platform's."""
    if not re.search(r"\bmobile\b", approved, re.I):
        return None
    said = {m.group(1).lower() for m in _DEVICES.finditer(approved)}
    other = [m.group(0) for m in _DEVICES.finditer(claim) if m.group(1).lower() not in said]
    wider = [d for d in other if d.lower() in ("web", "desktop", "browser", "windows", "mac", "macs", "macos", "laptop", "laptops")]
    if wider:
        return f"'{wider[0]}' as well, where the platform says the mobile app"
    if len({d.lower().rstrip("s") for d in other}) == 1:  # one device of many ("iOS and Android" is all of them)
        return f"'{other[0]}' only, where the platform says the mobile app"
    return None


def _kind_of_every(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Card transactions sync …" where the platform says "every transaction syncs"; "Card payment
    data is encrypted" where it encrypts "all data": the claim's subject is one kind of what the
    platform says of every one. Only the claim's first words (its subject) are read."""
    every = {_singular(m.group(2).lower()): m.group(0)
             for m in re.finditer(r"\b(all|every|each)\s+(?:of\s+(?:the|your)\s+)?([a-z]+)\b", approved, re.I)}
    if not every:
        return None
    words = re.findall(r"[A-Za-z][\w'-]*", _without_names(claim, own_names))[:4]
    a_words = {_stem(t) for t in tokens(approved)}
    for k in range(len(words) - 1):
        mods, noun = words[:k + 1], _singular(words[k + 1].lower())
        if noun in every and all(m.lower() not in _STOP and m.lower() not in _UNIVERSAL and m.lower() not in _PARTY_WORDS
                                 and m.lower() not in ("whichever", "whatever", "whoever", "no", "matter", "regardless")
                                 and _stem(m.lower()) not in a_words and _to_float(m.lower()) is None for m in mods):
            return f"'{' '.join(words[:k + 2])}' where the platform says '{every[noun]}'"
    return None


def _added_restriction(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"only", "on the Enterprise plan", "unless ...": the claim limits what the platform says without limit."""
    c_low, a_low = claim.lower(), approved.lower()
    cond = _CONDITION.search(claim)
    if cond and not _CONDITION.search(approved):
        return f"adds the condition '{claim[cond.start():].rstrip('.')}'; the platform sets none"
    m = _PLAN.search(claim)
    if m and not _PLAN.search(approved):
        return f"limits it to '{m.group(0).strip()}'; the platform sets no such limit"
    only = re.search(r"(?<!not )\bonly\b(?!\s+(?:ever|takes|needs|a few|minutes|seconds))", c_low)
    if only and not re.search(r"\bonly\b", a_low):
        return "adds 'only': narrows what the platform says"
    return None


_SCOPE_MODIFIERS = {
    "regional", "local", "national", "global", "international", "domestic", "indoor", "outdoor", "enterprise",
    "premium", "basic", "small", "large", "big", "selected", "select", "corporate", "senior", "junior",
    "head", "central", "individual", "partner", "new", "existing", "paying", "us", "european",
    # kinds of data and of accounts: "card data" is some of "sales data"
    "card", "payment", "transaction", "customer", "personal", "sensitive", "checking", "savings",
}


# qualifiers that name the same scope
_SAME_SCOPE = ({"international", "overseas", "foreign", "cross-border", "global"},
               {"domestic", "local", "national", "in-country"})


def _changed_modifier(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Shopify connectors" or "regional managers" where the platform says "point-of-sale
    connectors" or "every store manager": the same thing, narrowed by another qualifier."""
    names = name_words(own_names)
    a_pairs = [p for p in _modified_nouns(approved) if p[0] not in names]
    a_words = set(tokens(approved))
    for i, (mod, noun, raw) in enumerate(_modified_nouns(claim)):
        if mod in names or mod in a_words or mod == "microsoft":
            continue  # (a "Microsoft Teams channel" is where alerts go, not a kind of team)
        before = [m for m, n, _ in a_pairs if n == noun]
        every = re.search(rf"\b(all|every|any)\s+{re.escape(noun)}s?\b", approved, re.I)
        if not before and every and mod in _SCOPE_MODIFIERS:
            return f"'{raw} {noun}' where the platform says '{every.group(0)}'"  # "card data" for "all data"
        if not before or mod in before:
            continue
        if noun.endswith("ly") or raw.isupper():
            continue  # an adverb, or an abbreviation ("POS system")
        if any(mod in group and b in group for group in _SAME_SCOPE for b in before):
            continue  # "international suppliers" are the platform's "overseas suppliers"
        if mod in _SCOPE_MODIFIERS or (raw[:1].isupper() and not _starts_sentence(claim, raw, noun)):
            return f"'{raw} {noun}' where the platform says '{before[0]} {noun}'"
    return None


def _modified_nouns(text: str) -> list[tuple[str, str, str]]:
    """(modifier, stemmed noun, modifier as written) for each adjacent word pair."""
    return list(_modified_nouns_cached(text))


@lru_cache(maxsize=8192)
def _modified_nouns_cached(text: str) -> tuple[tuple[str, str, str], ...]:
    out = []
    for part in re.split(r"[,;:.!?()—–]|\s-\s", text):  # a pair does not run across punctuation
        words = re.findall(r"[A-Za-z][\w'-]*|\d[\d.,]*", part)  # a figure breaks a pair: "average 3 weeks"
        for a, b in zip(words, words[1:]):
            if a.lower() in _STOP or b.lower() in _STOP or a.lower() in _UNIVERSAL or a.lower() in _NEGATORS \
                    or a[0].isdigit() or b[0].isdigit() or a.lower() in _SMALL or a.lower() in _TENS:
                continue  # (nor is a number a kind: "three weeks")
            out.append((a.lower(), _stem(b.lower()), a))
    return tuple(out)


def _starts_sentence(text: str, word: str, noun: str) -> bool:
    return text.lstrip().startswith(word)


_PER_SAME = [
    {"store", "location", "shop", "branch", "outlet"}, {"user", "seat", "person", "employee", "head", "login", "member"},
    {"plant", "site", "factory", "facility"}, {"sensor", "device", "unit"}, {"card"}, {"transaction", "payment"},
]


def _per_key(word: str) -> str:
    w = _stem(word)
    for group in _PER_SAME:
        if w in group:
            return min(group)
    return w


_BASIS = re.compile(r"\b(not |never |rather than |instead of )?(?:per|by(?: the)?)\s+([a-z]+)")
_TIME_BASIS = {"month", "year", "week", "day", "hour", "cent", "minute", "second", "quarter"}


@lru_cache(maxsize=8192)
def bases(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """What a price or count is per, as written in ``text``: (asserted, denied) keys, synonyms
    merged ("per location", "by store" → store; "not per user", "not by login" → user denied)."""
    asserted: set[str] = set()
    denied: set[str] = set()
    low = re.sub(r"\b(rather than|instead of|not) (each|every)\b", r"\1 per", text.lower())
    low = re.sub(r"\bwhy (?:pay|be charged|be billed|get billed) (?:for )?(?:each|every)\b", "not per", low)  # rhetorical
    low = re.sub(r"\b(?:pay|charges?|bills?|priced|billed)\s+(?:you\s+)?for (?:each|every)\b", "per", low)
    low = re.sub(r"\b(?:follows|depends on|scales with|grows with|is based on|is set by|tracks)\s+(?:the number of|how many)\b",
                 "per", low)
    low = re.sub(r"\b(rather than|instead of|not)(?: on)? (?:the number of|how many)\b", r"\1 per", low)
    # "you pay for the site, not the device count"; "your bill depends on the site"
    low = re.sub(r"\b(?:pay|pays|paying|charged|billed|priced|depends|is based)\s+(?:for|on)\s+(?:the|each|every|your)\s+"
                 r"(site|plant|store|location|factory|shop)\b", r"per \1", low)
    low = re.sub(r"\b(rather than|instead of|not)(?: on)? the (\w+) count\b", r"\1 per \2", low)
    # "every person who logs in needs their own paid seat", "each extra user is another seat on the invoice"
    low = re.sub(r"\b(?:every|each)\s+(?:extra\s+|additional\s+|new\s+)?(?:person|user|member|employee|colleague|seat|login)\b"
                 r"(?=[^.;?!]{0,60}\b(?:(?:paid\s+|own\s+|extra\s+)*(?:seat|licen[cs]e)|bill|billed|invoice|charged|costs?|"
                 r"price|fee)\b)", "per user", low)
    for neg, word in _BASIS.findall(low):
        key = _per_key(word)
        if key in _TIME_BASIS or not any(key in g for g in _PER_SAME):
            continue
        (denied if neg else asserted).add(key)
    return frozenset(asserted), frozenset(denied)


def _changed_per_unit(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"priced per production line" where the platform says "per plant"; "per seat" where it says
    "not per user"; "one subscription covers every plant" where it says "per plant"."""
    per = re.search(r"\bper\s+(plant|store|site|location|shop|factory|account|company|business)\b", approved, re.I)
    if per:
        one = re.search(rf"\b(?:one|a single)\s+(?:[\w-]+\s+){{0,3}}?(?:covers|for|across)\s+(?:every|all|each)\s+"
                        rf"(?:[\w-]+\s+){{0,2}}?{_stem(per.group(1).lower())}s?\b", claim, re.I)
        if one:
            return f"'{one.group(0)}' where the platform prices {per.group(0)}"
    c_asserted, _ = bases(claim)
    _, a_denied = bases(approved)
    against = c_asserted & a_denied
    if against:
        key = sorted(against)[0]
        return f"counts per {key} where the platform says not per {key}"
    per_a = {_per_key(w): w for w in _PER.findall(approved.lower())}
    if not per_a:
        return None
    for w in _PER.findall(claim.lower()):
        if _per_key(w) not in per_a and w not in ("month", "year", "week", "day", "hour", "cent", "minute"):
            return f"'per {w}' where the platform says 'per {next(iter(per_a.values()))}'"
    return None


def _added_condition(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Transactions over $500 sync" where the platform says "every transaction syncs"; "balances
    above $10,000 earn …" where it sets no threshold of money at all."""
    dims = {q.dimension for q in quantities(approved)}
    for q in quantities(claim):
        if q.dimension.startswith("money") and q.dimension not in dims and q.hedge == "atleast":
            return f"adds the condition '{q.text}'; the platform's wording sets no such threshold"
    if not _UNIVERSAL & set(tokens(approved)):
        return None
    for q in quantities(claim):
        if q.dimension not in dims and q.hedge in ("atleast", "under") and q.dimension != "duration":
            return f"adds the condition '{q.text}'; the platform's wording covers every case"
    return None


_SEGMENT = re.compile(
    r"\b(enterprise|premium|flagship|qualifying|eligible|selected|select|single[- ]store|single[- ]site|multi[- ]site|"
    r"larger|smaller|bigger|paying|vip|priority|platinum|gold)(?:[- ](?:tier|plan|level|grade))?\s+"
    r"(customers?|clients?|users?|accounts?|stores?|shops?|retailers?|businesses|companies|plants?|sites?|"
    r"members?|merchants?|locations?|plans?|tiers?)\b", re.I)
_SOME_CUSTOMERS = re.compile(
    r"[—–,;]\s*(?:but\s+)?(?:only\s+)?for\s+(?:chains|businesses|customers|plants|stores|accounts|companies|retailers|sites|"
    r"teams|fleets)\s+(?:of|with|over|above|that)\s+[^,;.]{2,40}|"
    r"\b(?:on|with|under)\s+an?\s+(?:annual|yearly|multi-year|two-year|three-year|12-month)\s+(?:contract|commitment|term)\b|"
    r"\bfor\s+(?:chains|businesses|customers|plants|stores|companies|retailers|sites)\s+(?:with|of)\s+(?:more than|over|at least|"
    r"fewer than|under|up to|\d)[^,;.]{0,30}",
    re.I)
_TIER = re.compile(r"\b(premium|enterprise|pro|plus|basic|starter|gold|platinum|top)[- ](?:tier|plan|edition|level)\b", re.I)
_BUSINESS_FORM = re.compile(r"\b(sole traders?|sole proprietors?|limited companies|freelancers|start-?ups|llcs?|corporations|"
                            r"[sc][- ]corps?|non-?profits|charities)\b", re.I)
# customers of one region: "customers in the EU", "at North American plants"
_REGION = re.compile(r"\b(?i:customers|clients|plants|businesses|companies|retailers|stores|sites|users|accounts|merchants|"
                     r"suppliers|vendors|payees)\s+"
                     r"(?:in|from|based in|located in)\s+(?:the\s+)?(EU|UK|US|USA|Europe|North America|Canada|Asia|"
                     r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b|"
                     r"^\s*(?i:within|in|across)\s+(?:the\s+)?(?:continental\s+|mainland\s+)?(US|USA|UK|EU|Europe|North America|Canada)\b|"
                     r"\b(?i:at|for|in)\s+(North American|European|US|UK|EU|Canadian|Asian|[A-Z][a-z]+an)\s+"
                     r"(?:plants|stores|sites|customers|businesses|shops|companies)\b")
_TIME_LIMIT = re.compile(
    r"\b((for|during|in|over) (your|the|their|its|our) first (\d+|[a-z]+) (days?|weeks?|months?|years?)|"
    r"(?:during|in|outside(?: of)?) (?:your |the |our )?(?:opening|trading|business|office|peak|working|store) hours|"
    r"(?<![\w ])(?:your|the) first (\d+|[a-z]+) (days?|weeks?|months?|years?) (?:are|is|come)|"
    r"(for|during|in|over) (your|the|their) first (month|year)|"
    r"for a limited time|limited[- ]time|introductory|for new (customers|accounts|users) only|"
    r"(in|for) (the|your) first (month|year)|until (the end of|[A-Z][a-z]+ \d)|"
    r"(for|on) (your|the|its) first (\d+|[a-z]+) (sensors?|stores?|users?|seats?|cards?|locations?|sites?|devices?))\b", re.I)
_EVERY_DAY = re.compile(r"\b(7 days a week|seven days a week|every day|24/7|around the clock|365 days|day or night|"
                        r"any ?time|weekends?)\b", re.I)
_WEEKDAYS = re.compile(r"\b(monday to friday|mon(day)?\s*[-–]\s*fri(day)?|weekdays?|on a weekday|during business hours|"
                       r"in business hours|office hours|9 ?(am)? ?(to|-|–) ?5 ?(pm)?)\b", re.I)


def _qualifier(word: str) -> bool:
    """An adjective that narrows a noun: "unplanned", "mobile", "regional", "international"."""
    return word in _SCOPE_MODIFIERS or word in {"mobile", "web", "desktop", "online", "offline"} \
        or bool(re.search(r"(ed|al|ic|ive|ous|less|able|ary)$", word)) and len(word) > 4


# what a product does, for "everything … keeps running offline" (not "everything catches up")
_PREDICATES = {"keep", "work", "run", "sync", "refresh", "encrypt", "update", "connect", "survive", "cover", "include"}

_TIME_NOUN = re.compile(r"(second|minute|hour|day|night|week|month|quarter|year|time)s?$")
_CASE_NOUNS = {"plant", "store", "retailer", "customer", "site", "shop", "chain", "business", "factory", "company", "bakery",
               "brewery", "warehouse"}
_INCLUDED = re.compile(r",\s*((?:[\w-]+(?:\s[\w-]+)?(?:,\s*|\s+and\s+|\s+or\s+)){0,4}[\w-]+(?:\s[\w-]+)?)\s+included\b",
                       re.I)
_WIDE = re.compile(r"(?<!-)\b(all|every|any|everything|everyone)\b(?!-)\s*(?:(?:of\s+)?(?:the|your|our)\s+)?([a-z]+)?", re.I)


def _widened(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"cut all downtime, planned and unplanned" where the platform says "cut unplanned downtime":
    the claim drops the platform's qualifier and covers everything."""
    names = name_words(own_names)
    # "every product, gateways and cables included": things the platform's wording does not name
    # (a name, "Starter included", is one of the things the wording covers)
    a_nouns = {_singular(a) for a in tokens(approved)}
    # "Every plant we work with fits 120 sensors in a shift" where the platform tells of one ("at a
    # bottling plant"): one case said of all
    one = next((m for m in re.finditer(r"\b(?:at|in|for)\s+an?\s+(?:[\w-]+\s+)?([a-z]+)\b", approved, re.I)
                if _singular(m.group(1).lower()) in _CASE_NOUNS), None)
    if one:
        every_case = re.search(rf"\b(?:every|all|each|any)\s+(?:of\s+(?:our|the|your)\s+)?(?:[\w-]+\s+)?{_singular(one.group(1).lower())}s?\b",
                               claim, re.I)
        if every_case:
            return f"'{every_case.group(0)}' where the platform tells of one ('{one.group(0)}')"
    # "everything you hold, including pending payouts and money on its way to suppliers"
    including = re.search(r"\bincluding\s+([^,;.—–]{3,80})", claim, re.I)
    if including and not re.search(r"\bincluding\b", approved, re.I):
        a_bases = {_base_form(a) for a in tokens(approved)}
        added = [t for t in tokens(including.group(1)) if t not in _STOP and len(t) > 2 and t not in names
                 and _singular(t) not in a_nouns and _base_form(t) not in a_bases]
        if added:
            return f"widens it to {', '.join(added)} ('{including.group(0).strip()}'), which the platform's wording does not cover"
    for m in _INCLUDED.finditer(claim):
        added = [t.lower() for t in re.findall(r"[\w-]+", m.group(1)) if t.lower() not in _STOP and t.islower()
                 and _singular(t.lower()) not in a_nouns and t.lower() not in names]
        if added:
            return f"widens it to {', '.join(added)} ('{m.group(0).strip(', ')}'), which the platform's wording does not cover"
    made_for = re.search(r"\b(?:built|designed|made|tailored|trained) (?:for|around) ([a-z-]+)", approved, re.I)
    every = re.search(r"\b(?:every|any|all)\s+(?:kinds? of\s+|types? of\s+)?(?:industry|industries|sectors?|verticals?|"
                      r"markets?)\b|\bfrom " + (re.escape(made_for.group(1)) if made_for else "$^") + r" to\b", claim, re.I)
    if made_for and every:
        return f"'{every.group(0)}' where the platform says made for {made_for.group(1)}"
    if _UNIVERSAL & set(tokens(approved)) or "everything" in approved.lower():
        return None
    a_pairs = {noun: mod for mod, noun, _ in _modified_nouns(approved) if mod not in names and _qualifier(mod)}
    c_pairs = {(mod, noun) for mod, noun, _ in _modified_nouns(claim)}
    # "any system" where the platform says "your point-of-sale system": any modifier narrows
    any_pairs = {noun: mod for mod, noun, _ in _modified_nouns(approved) if mod not in names and mod not in _STOP
                 and re.fullmatch(r"[a-z][a-z-]*", mod) and not _TIME_NOUN.match(noun)}
    for m in _WIDE.finditer(claim):
        if re.search(r"\b(without|no|not|never|n't)\s+$", claim[max(0, m.start() - 12):m.start()], re.I):
            continue  # "without any transfer fee": "any" after a negation widens nothing
        noun = _stem((m.group(2) or "").lower())
        head = re.match(r"\s+([a-z]+)", claim[m.end():])
        if head and head.group(1).lower() not in _STOP and _singular(head.group(1).lower()) not in a_nouns \
                and not head.group(1).lower().endswith(("s", "ed")):
            continue  # "every vibration reading": the reading, not the platform's "wireless vibration" sensor
        if noun in a_pairs and (a_pairs[noun], noun) not in c_pairs:
            return f"'{m.group(0).strip()}' where the platform says '{a_pairs[noun]} {noun}'"
        if m.group(1).lower() == "any" and noun in any_pairs and (any_pairs[noun], noun) not in c_pairs:
            return f"'{m.group(0).strip()}' where the platform says '{any_pairs[noun]} {noun}'"
    inout = re.search(r"\b(indoors?|inside)\b[^.;]{0,20}?\b(or|and) out(doors?|side)?\b|\bindoors and outdoors\b", claim, re.I)
    if inout and re.search(r"\bindoors?\b", approved, re.I) and not re.search(r"\boutdoors?\b", approved, re.I):
        return f"'{inout.group(0)}' where the platform says indoors"
    every = re.search(r"\beverything\b([^;.]*)", claim, re.I)
    a_words = {_stem(t) for t in tokens(approved)} - _STOP
    if every and {_stem(t) for t in tokens(every.group(1))} & a_words & _PREDICATES:
        mods = [f"{mod} {noun}" for noun, mod in a_pairs.items()
                if mod in _SCOPE_MODIFIERS | {"mobile", "web", "desktop"} and (mod, noun) not in c_pairs]
        if mods:
            return f"'everything' where the platform says '{mods[0]}'"
    return None


# a list of things the claim says it of: "card, transfer or check", "from dashboards to forecasts to the app",
# "QuickBooks, Xero, Sage or FreshBooks"; each member one to three words
_MEMBER = r"[\w'-]+(?:\s+[\w'-]+){0,2}?"
_LIST = re.compile(rf"\b(?P<items>{_MEMBER}(?:\s*,\s*{_MEMBER})+,?\s+(?:and|or|even)\s+{_MEMBER})(?=\s*(?:[,;:.!?—–(]|$|\s+all\b))"
                   rf"|\bfrom\s+(?P<from>{_MEMBER}(?:\s+to\s+{_MEMBER}){{2,}})(?=\s*[,;:.!?—–]|$)", re.I)
_LIST_PREPOSITIONS = {"on", "in", "at", "for", "with", "by", "from", "to", "of", "via", "through", "under", "over", "into"}
_DEGREE = {"lot", "lots", "little", "big", "small", "large", "much", "many", "few", "high", "low", "less", "more"}
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+|even\s+)?|\s+(?:and|or|to|even)\s+", re.I)


def _widened_list(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Card payments, bank transfers and mobile check deposits all land next business day" where the
    platform says card payments do: the claim lists what the wording says it of, and more beside."""
    names = name_words(own_names)
    claim = re.sub(r"\bstart to finish\b", "start-to-finish", claim, flags=re.I)  # an idiom, no list
    a_words = {_singular(t) for t in tokens(approved)} | {_base_form(t) for t in tokens(approved)}
    if "point-of-sale" in approved.lower():
        a_words |= {"pos", "till", "register"}  # the point-of-sale system by its short names
    # the wording's own list, reworded ("a network cable" for "Ethernet"), is no wider than it
    listed = max((len([x for x in _LIST_SPLIT.split(a.group("items") or a.group("from")) if x.strip()])
                  for a in _LIST.finditer(approved)), default=0)
    for m in _LIST.finditer(claim):
        items = [x for x in _LIST_SPLIT.split(m.group("items") or m.group("from")) if x.strip()]
        if len(items) < 3:
            continue
        items[0] = items[0].split()[-1]  # the match may start words before the list: its first member is its last word
        if items[0].lower() in ("own", "itself", "themselves", "automatically"):
            items = items[1:]  # "picks up every purchase on its own, QuickBooks or Xero": how, not a member
            if len(items) < 3:
                continue
        if items[1].split()[0].lower() in _LIST_PREPOSITIONS and len(items[1].split()) > 1:
            # "as many as you want, to employees, contractors, even clients": the list starts after "to"
            # ("the mobile app, on iOS and Android": what it runs on, two things, no list of more)
            items = [items[1].split(None, 1)[1]] + items[2:]
            if len(items) < 3:
                continue
        if any(x.split()[0].lower() in _LIST_PREPOSITIONS for x in items[1:]):
            continue
        if any(re.match(r"(?:it|they|we|you|that|there|this|he|she)(?:['’]\w+)?$", x.split()[0], re.I) for x in items[1:]):
            continue  # "…, start to finish, and it's all done on the web": a clause follows, not a list
        content = [[t for t in tokens(x) if t not in _STOP and t not in names and len(t) > 1] for x in items]
        if not all(content):
            continue
        known = [x for x, ws in zip(items, content) if any(_singular(t) in a_words or _base_form(t) in a_words for t in ws)]
        # "a lot or a little": how much, not which things
        new = [x for x, ws in zip(items, content) if not any(_singular(t) in a_words or _base_form(t) in a_words for t in ws)
               and not set(ws) <= _DEGREE]
        if known and new and len(items) > listed:
            return f"widens it to {', '.join(x.strip() for x in new)} ('{m.group(0).strip()}'), which the platform's wording does not cover"

    return None


_BOTH_SUBJECTS = re.compile(r"^\s*(?:both\s+)?(?:the\s+|our\s+|your\s+)?(?:[\w-]+\s+){0,2}?([a-z]+s)\s+and\s+(?:the\s+|its\s+|"
                            r"their\s+|our\s+|your\s+)?([a-z]+s)\s+(?:are|is|run|keep|carry|get|have|work|last|come)\b", re.I)
_ALIKE = re.compile(r"\b([a-z]+s)\s*,?\s+and\s+(?:the\s+|its\s+|their\s+|your\s+|our\s+)?(?:[a-z-]+\s+)?([a-z]+s)\s*,?\s+"
                    r"(?:alike|both|too|as well)\b", re.I)
_SAME_FOR = re.compile(r"(?:\band\b|[—–;]|\s-\s)\s*(?:so\s+(?:is|are|does|do)\s+)?(?:the|its|their|our|your|every|each)\s+([a-z]+?)s?\s+"
                       r"(?:carries|carry|has|have|gets?|is|are|meets?)\s+(?:the\s+)?same\b", re.I)


def _also_another_thing(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Sensors and gateways are rated IP68", "… and the gateway carries the same rating" where the
    platform says it of the sensors: said of another thing as well."""
    text = _without_names(claim, own_names)
    a_words = {_singular(t) for t in tokens(approved)}
    both = _BOTH_SUBJECTS.match(text) or _ALIKE.search(text)
    if both and _singular(both.group(1).lower()) in a_words and _singular(both.group(2).lower()) not in a_words:
        return f"says it of the {both.group(2).lower()} as well ('{both.group(0).strip()}'), where the platform says it of the {both.group(1).lower()}"
    same = _SAME_FOR.search(text)
    if same and _singular(same.group(1).lower()) not in a_words:
        return f"says it of the {same.group(1).lower()} as well ('{same.group(0).strip(' ,;—–-')}'), which the platform's wording does not"
    # "Every report, export and email digest … refreshes every 5 seconds" where the platform says dashboards do
    every = _EVERY_LIST.search(claim)
    if every:
        items = [x for x in _LIST_SPLIT.split(every.group(1)) if x.strip()]
        if len(items) >= 3 and not _TEAM_MEMBERS.search(every.group(1)) and not any(
                _singular(t) in a_words or _base_form(t) in a_words for x in items for t in tokens(x) if t not in _STOP):
            return f"says it of {', '.join(x.strip() for x in items)} ('{every.group(0).strip()}'), which the platform's wording does not cover"
    return None


# "every cashier, buyer and manager": the whole team, not other things
_TEAM_MEMBERS = re.compile(r"\b(?:cashiers?|buyers?|managers?|staff|employees?|clerks?|assistants?|users?|members?|"
                           r"person|people|owners?|accountants?|technicians?)\b", re.I)
_EVERY_LIST = re.compile(r"\b(?:every|all|each)\s+((?:[\w-]+\s*,\s*)+[\w-]+(?:\s+[\w-]+)?\s+(?:and|or)\s+[\w-]+(?:\s+[\w-]+)?)", re.I)
_EXCEPTION = re.compile(r"(?:;|,|—|–|\bbut|\bwhile|\bwhereas)\s+(?:(?:and|but)\s+)?(?P<rest>(?:the |all |every )?(?:other|older|"
                        r"remaining|rest of the|everything else|everyone else)\b[^;.]*)", re.I)
_STILL = re.compile(r"(?:;|,|\s[-—–]\s|\bbut\b|\bwhile\b|\bwhereas\b)\s*(?P<rest>[^;.]*\bstill\s+(?:need|needs|have to|has to|require|"
                    r"requires|take|takes|go|goes|pay|pays)\b[^;.]*)", re.I)
_APPLIES = re.compile(r"\b(?:applies|apply|is available|are available|only works?|is reserved|are reserved)\s+(?:only\s+)?"
                      r"(?:to|on|for|with)\s+(?P<what>[^,;.]+)", re.I)
_PLAN_FEATURE = re.compile(r"\b(?:an?|the)\s+[\w-]+[- ]plan feature\b|\bpart of (?:the|our) [\w-]+ (?:plan|tier|edition)\b|"
                           r"\b[A-Z][\w]+[- ](?:plan|tier) only\b", re.I)
_MODEL_SEGMENT = re.compile(r"\b(?:the|our)\s+(outdoor|indoor|newest|latest|older|premium|pro|plus|max|rugged|heavy-duty)\s+"
                            r"(model|version|unit|edition|sensor)s?\b", re.I)


# (what the claim says, what in the platform's wording sets the same limit, the reason)
_LIMITS: tuple[tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...], str], ...] = (
    ((_EXCEPTION, _STILL), (_EXCEPTION, _STILL), "makes an exception ('{rest}'); the platform's wording has none"),
    ((_APPLIES,), (_APPLIES,), "limits it to '{what}'; the platform's wording sets no such limit"),
    ((_PLAN_FEATURE, _MODEL_SEGMENT), (_PLAN_FEATURE, _MODEL_SEGMENT),
     "limits it to '{all}'; the platform's wording is for every customer"),
    ((_TIME_LIMIT,), (_TIME_LIMIT,), "adds the time limit '{all}'; the platform's wording sets none"),
)


def _added_limit(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """A customer segment ("enterprise customers"), a time limit ("for your first twelve months"),
    office hours ("Monday to Friday"), an exception ("…; other systems need a longer project"), a
    plan or product model ("an Enterprise-plan feature", "the outdoor model") or an "applies to …"
    that the platform's wording does not set."""
    a_words = {_stem(t) for t in tokens(approved)}
    for said, guards, reason in _LIMITS:
        found = next((m for m in (p.search(claim) for p in said) if m), None)
        if found and not any(g.search(approved) for g in guards):
            groups = {k: v.strip() for k, v in found.groupdict().items() if v}
            what = groups.get("what")
            if what and all(_stem(t) in a_words or t in _STOP or re.fullmatch(r"\d[\d.,]*[kmb]?", t) for t in tokens(what)):
                continue  # "coverage applies to deposits of up to $250k": what the platform covers anyway
            return reason.format(all=found.group(0).strip(), **groups)
    seg = _SEGMENT.search(claim) or _BUSINESS_FORM.search(claim) or _TIER.search(claim)
    if seg and seg.group(1).lower() not in approved.lower():
        return f"limits it to '{seg.group(0)}'; the platform's wording is for everyone"
    region = _REGION.search(claim)
    if region and next(g for g in region.groups() if g).lower() not in approved.lower():
        return f"limits it to '{region.group(0)}'; the platform's wording is for everyone"
    # "— for chains of 50 stores or more", "on an annual contract": for some customers only
    some = _SOME_CUSTOMERS.search(claim)
    if some and not _SOME_CUSTOMERS.search(approved):
        return f"limits it to '{some.group(0).strip(' ,;—–-')}'; the platform's wording is for everyone"
    # "…, even when sampling every second": said to hold in a case the platform's wording does not name
    even = re.search(r"\beven (?:when|if|while|at|in|with|under|on)\b[^,;.]{3,50}", claim, re.I)
    if even and not re.search(r"\beven\b", approved, re.I):
        new = [t for t in tokens(even.group(0))[2:] if t not in _STOP and _stem(t) not in a_words and len(t) > 2]
        if new:
            return f"extends it to '{even.group(0)}', which the platform's wording does not say"
    days = _WEEKDAYS.search(claim)
    every = _EVERY_DAY.search(approved)
    if days and every and not _WEEKDAYS.search(approved):
        return f"says '{days.group(0)}' where the platform says '{every.group(0)}'"
    return None


_PERIOD_WORDS = {"daily": "day", "nightly": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter",
                 "yearly": "year", "annually": "year", "annual": "year"}
_PERIOD = re.compile(r"\b(daily|nightly|weekly|monthly|quarterly|yearly|annually|annual)\b|"
                     r"\b(?:a|per|each|every)\s+(day|night|week|month|quarter|year)\b", re.I)


_AVAILABILITY = re.compile(r"\b(\d+|seven|twenty-four)\s*(days|hours|hrs)\s+a\s+(week|day|year)\b|"
                           r"\b365 days a year\b|\b24/7\b", re.I)


def _periods(text: str) -> set[str]:
    """How often a figure counts: "weekly", "a month", "every night" (not "7 days a week")."""
    out = set()
    for m in _PERIOD.finditer(_AVAILABILITY.sub(" ", text)):
        word = (m.group(1) or m.group(2)).lower()
        out.add(_PERIOD_WORDS.get(word, "day" if word == "night" else word))
    return out


def _changed_period(claim: str, approved: str) -> str | None:
    """"twelve hours a month" where the platform says "weekly reporting … 12 hours"."""
    shared_event = {t for t in tokens(claim) if t.endswith(("ed", "paid"))} & set(tokens(approved))
    if (not quantities(claim) or not quantities(approved)) and not shared_event:
        return None  # a period matters when it qualifies a figure ("12 hours a month") or the same event ("paid")
    pc, pa = _periods(claim), _periods(approved)
    if len(pc) == 1 and len(pa) == 1 and pc != pa:
        return f"per {next(iter(pc))} where the platform says per {next(iter(pa))}"
    return None


def _verb_base(word: str) -> str:
    return re.sub(r"(ing|ed|es|s)$", "", word) if len(word) > 5 else word


_PASSIVE = re.compile(r"\b(?:is|are|get|gets|been|be)\s+(?:automatically\s+|all\s+)?([a-z]+ed)\b", re.I)


_SELF_SERVE = re.compile(r"\b(you (set|choose|pick|decide|control|build|create|make|run|configure)|yourself|"
                         r"your own|their own|themselves|ourselves)\b", re.I)
_FOR_YOU = re.compile(r"\b(for (you|your [a-z]+(?: [a-z]+)?)|on your behalf)\b", re.I)


_THROUGH_PARTY = re.compile(r"\b(?:is|are|be|been|get|gets)\s+(?:[\w-]+\s+)?([a-z]+ed)\b[^.;]{0,40}?\b(?:through|via|by)\s+"
                            r"((?:our|a|an|the|its|their)\s+)?((?:[\w-]+\s+)?(?:partner|partners|bank|banks|insurer|insurers|"
                            r"provider|providers|carrier|carriers|network|networks|issuer|regulator|auditor|auditors|"
                            r"lender|lenders|custodian|distributor|distributors|reseller|resellers)\b)", re.I)


_STATUS = re.compile(r"\b(certified|audited|compliant|accredited|licensed|regulated)\b", re.I)
_MAKES_YOU = re.compile(r"\bmakes?\s+(?:you|your\s+[\w-]+)(?:\s+[\w-]+){0,4}?\s+(certified|audited|compliant|accredited|licensed)\b",
                        re.I)


# the customer holds the status: "your stores need their own SOC 2 report", "asks every retailer to hold its own
# certification", "your own retail business becomes SOC 2 certified"
_CUSTOMER_HOLDS = re.compile(
    r"\b(?:their|its|your)\s+own\s+(?:[\w-]+\s+){0,4}?(certification|certificate|report|audit|accreditation)\b|"
    r"\byour\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:business|company|stores?|team|shops?|plants?)\s+(?:becomes?|gets?|is|are|"
    r"comes?\s+away|ends?\s+up|walks?\s+away)\s+(?:[\w-]+\s+){0,4}?(certified|audited|compliant|accredited)\b|"
    # "we put your stores through a SOC 2 Type II audit": the customer is audited
    r"\bputs?\s+your\s+(?:[\w-]+\s+){0,2}?(?:business|company|stores?|team|shops?|plants?)\s+through\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,4}?(audit|certification|assessment)\b", re.I)
# another party holds it: "our hosting provider holds the SOC 2 Type II certification", "we host on a cloud
# provider that's SOC 2 certified", "all of its partner apps are certified"
_OTHER_HOLDS = re.compile(
    r"\b(?:hosting|cloud|infrastructure|data[- ]cent(?:er|re)|payment|storage)\s+(?:provider|partner|vendor|host)s?\s+"
    r"(?:that(?:'s|\s+is|\s+holds?|\s+has)?|which\s+(?:is|holds?|has)|holds?|has|is|are)\s+(?:[\w-]+\s+){0,5}?"
    r"(certified|certification|audited|compliant|accredited)\b", re.I)
_PARTNERS_TOO = re.compile(r"\b(?:and|plus)\s+(?:all\s+(?:of\s+)?)?(?:its|our|their)\s+partner\s+(?:apps?|tools?|integrations?|vendors?)\b",
                           re.I)


def _status_moved(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Lumen Pulse makes your business SOC 2 certified" or "Lumen Pulse audits your stores" where
    the platform says Lumen Pulse *is* certified, or *is audited*: who holds the status is changed."""
    status = _STATUS.search(approved)
    if not status:
        return None
    m = _MAKES_YOU.search(claim) or _CUSTOMER_HOLDS.search(claim)
    if m:
        return f"says the customer holds it ('{m.group(0)}') where the platform says the company is {status.group(1)}"
    other = _OTHER_HOLDS.search(claim)
    if other and not _OTHER_HOLDS.search(approved):
        return f"says another party holds it ('{other.group(0)}') where the platform says the company is {status.group(1)}"
    partners = _PARTNERS_TOO.search(claim)
    if partners and not _PARTNERS_TOO.search(approved):
        return f"says it of its partners too ('{partners.group(0)}') where the platform says the company is {status.group(1)}"
    toks = _role_tokens(claim, own_names)
    runs = re.search(r"\b(_product_|we) (?:runs?|performs?|conducts?|carries out|does) (?:an? |the )?(?:[\w-]+ ){0,4}?(audits?|certifications?)\b",
                     " ".join(toks))
    if runs:
        return f"says the company runs the {runs.group(2)} where the platform says it is {status.group(1)}"
    for st in _STATUS.finditer(approved):
        verb = _verb_base(st.group(1).lower()).rstrip("e").rstrip("i")  # audit, certif
        for i, t in enumerate(toks):
            if t.startswith(verb) and not t.endswith(("ed", "ion", "ions")) and {"_product_", "we"} & set(toks[max(0, i - 2):i]):
                return f"says the company does it ('{t}') where the platform says it is {st.group(1)}"
    return None


def _agent_changed(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Fernway itself insures your deposits" where the platform says deposits "are insured through
    our partner bank": the company says it does what a third party does."""
    m = _THROUGH_PARTY.search(approved)
    if not m:
        return None
    verb = _verb_base(m.group(1).lower()).rstrip("e")
    toks = _role_tokens(claim, own_names)
    if _stem(tokens(m.group(3))[-1]) in {_stem(t) for t in toks}:
        return None  # the claim names the party too ("insures deposits through its partner bank")
    for i, t in enumerate(toks):
        if _verb_base(t).rstrip("e") == verb and not t.endswith("ed") and {"_product_", "we"} & set(toks[max(0, i - 3):i]):
            return f"says the company does it ('{t}') where the platform says it is done through {m.group(2) or ''}{m.group(3)}"
        # "Fernway itself is FDIC insured": the company holds the cover
        if _verb_base(t).rstrip("e") == verb and t.endswith("ed") and "itself" in toks[max(0, i - 5):i + 2] \
                and "_product_" in toks[max(0, i - 6):i]:
            return f"says the company itself is {t} where the platform says it is done through {m.group(2) or ''}{m.group(3)}"
        # "insured by Fernway itself": the passive with the company as its agent
        if _verb_base(t).rstrip("e") == verb and t.endswith("ed") and toks[i + 1:i + 3] in (["by", "_product_"], ["by", "us"]):
            return f"says the company does it ('{t} by') where the platform says it is done through {m.group(2) or ''}{m.group(3)}"
    return None


def _done_for_customer(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Fernway decides each card's limit for you" where the platform says "a limit that you set":
    what the customer does for themselves becomes a service done for them (or the other way)."""
    toks = set(_role_tokens(claim, own_names))
    for_you = _FOR_YOU.search(claim)
    if for_you and _SELF_SERVE.search(approved) and not _FOR_YOU.search(approved) and {"_product_", "we", "our"} & toks:
        own = _SELF_SERVE.search(approved).group(0)  # type: ignore[union-attr]
        return f"done '{for_you.group(0)}' where the platform has the customer do it ('{own}')"
    return None


_STAFF = (r"(?:analysts?|engineers?|team|teams|experts?|specialists?|staff|advisors?|advisers?|technicians?|consultants?|"
          r"people|crew|reps?|installers?|techs?|bankers?|agents?|centre|center|electricians?|fitters?)")
_OUR_STAFF = re.compile(rf"\b(?:our|one of our|an? _product_|_product_|(?:one of )?its own)\s+(?:[\w-]+\s+){{0,3}}?{_STAFF}\b", re.I)
_ANY_PERSON = re.compile(rf"\b(?:{_STAFF}|person|people|human|humans|someone|manager|managers|employees?|accountants?|"
                         r"electricians?|you|your)\b", re.I)
_CUSTOMER_STAFF = re.compile(rf"\byour\s+(?:[\w-]+\s+)?(?:{_STAFF}|accountants?|bookkeepers?|managers?|employees?)\b", re.I)


def _staff_do_it(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Our analysts take over your weekly reporting", "a Fernway specialist opens your account for
    you" where the platform speaks of the product doing it, or of nobody: the company's people do
    the work the product does. And "your accountant syncs each transaction" where transactions sync
    automatically."""
    masked = " ".join(_role_tokens(claim, own_names))
    ours = _OUR_STAFF.search(masked)
    if ours and re.search(r"\b(?:your|you)\b", masked[ours.end():]) \
            and not _ANY_PERSON.search(_without_names(approved, own_names).replace("your", "")):
        return f"has the company's people do it ('{ours.group(0).replace('_product_', 'our')}') where the platform says the product does"
    # "Technicians swap the battery on site": the customer's own technicians, not a Keel field team
    theirs = re.match(rf"\s*(?:an?\s+|the\s+)?{_STAFF}\b", approved, re.I) \
        or re.search(rf"(?<!our )\b(?:an?|one|the)\s+{_STAFF}\b", approved, re.I)
    if ours and theirs:
        return (f"has the company's people do it ('{ours.group(0).replace('_product_', 'our')}') where the platform "
                f"says {theirs.group(0).strip().lower()} (the customer's own) do it")
    if re.search(r"\bautomatic(?:ally)?\b", approved, re.I) and not re.search(r"\bautomatic(?:ally)?\b", claim, re.I):
        a_words = {_verb_base(t) for t in tokens(approved)}
        for yours in _CUSTOMER_STAFF.finditer(claim):
            after = tokens(claim[yours.end():])[:2]
            # the customer's people doing the very thing ("your accountant syncs each transaction"),
            # not being spared it ("your bookkeeper never types a receipt")
            if after and _verb_base(after[0]) in a_words and after[0] not in _STOP and after[0] not in _NEG_WORDS \
                    and not after[0].endswith("n't"):
                return f"has {yours.group(0)} do it ('{after[0]}') where the platform says it happens automatically"
    return None


_PROVIDES = re.compile(r"\b(?:comes? with|ships? with|includes?|including|built[- ]in|ready[- ]made|pre[- ]?built|"
                       r"out of the box)\b((?:\s+[\w-]+){1,6})", re.I)
_CUSTOMER_SUPPLIES = re.compile(r"\b(?:bring|brings|upload|uploads|supply|supplies|import|imports|plug in|plugs in|"
                                r"build|builds|create|creates|write|writes|train|trains|design|designs|develop|develops)\s+"
                                r"(?:in\s+)?((?:[\w'-]+\s+){0,6}?)(?:(?:your|their)\s+own|own)\b((?:\s+[\w-]+){1,3})|"
                                r"\b(?:bring|brings|upload|uploads|supply|supplies)\s+(?:the|your|their)\s+"
                                r"((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:that\s+)?your\b", re.I)
_THIRD_PARTY_MAKES = re.compile(r"\b(?:built|made|written|developed|maintained|supplied|provided)"
                                r"(?:\s+and\s+\w+)?\s+by\s+((?:[\w-]+ ){0,3}[\w-]+)", re.I)


def _someone_else_provides(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Bring your own forecasting models" or "connectors built by the POS makers" where the platform
    says the product *comes with* them: who supplies the thing is changed."""
    provided = {_stem(t) for m in _PROVIDES.finditer(approved) for t in tokens(m.group(1))} - _STOP
    if not provided:
        return None
    for m in _CUSTOMER_SUPPLIES.finditer(claim):
        thing = [t for t in tokens(" ".join(g for g in m.groups() if g)) if _stem(t) in provided]
        if thing:
            return f"has the customer supply the {thing[-1]} where the platform says the product comes with them"
    for m in _THIRD_PARTY_MAKES.finditer(claim):
        agent = m.group(1).strip()
        if tokens(agent)[-1] in ("us", "we", "hand") or set(_role_tokens(agent, own_names)) & {"_product_", "our"}:
            continue
        thing = [t for t in tokens(claim[: m.start()]) if _stem(t) in provided]
        if thing:
            return f"has the {thing[-1]} made by {agent} where the platform says the product comes with them"
    return None


_TO_US = re.compile(r"\b(ship|send|return|mail|post|bring|get)\s+(?:us\b|(?:[\w-]+\s+){1,4}?(?:back\s+)?to\s+us\b)", re.I)
_BY_HAND = re.compile(r"\b(by hand|manually|yourself|yourselves)\b", re.I)
_DENIED_BEFORE = re.compile(r"(?:\b(?:no|not|never|without|nothing|nobody|none)\b|n't)(?:\s+[\w'-]+){0,4}\s*$", re.I)


def _sent_to_us(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Ship us the faulty sensor within two business days" where the platform says "replacement
    sensors ship within 2 business days": the customer sends to the company what the company sends."""
    m = _TO_US.search(claim)
    if not m or re.search(r"\b(?:us|we)\b", approved, re.I) or _DENIED_BEFORE.search(claim[:m.start()]):
        return None  # (not "no need to post the unit back to us")
    verb = _verb_base(m.group(1).lower())
    sends = {"ship", "send", "return", "mail", "post", "dispatch"}
    if verb != "get" and not any(_verb_base(t) == verb or verb in sends and _verb_base(t) in sends for t in tokens(approved)):
        return None  # the platform does not say who sends anything
    if verb == "get" and not re.search(r"\b(?:ship|send|return)\w*\b", approved, re.I):
        return None
    return f"has the customer send it to the company ('{m.group(0)}') where the platform says the company sends it"


_THIRD_PARTY = re.compile(
    r"\b(?:handled|run|done|provided|answered|staffed|delivered|managed|operated|outsourced)\s+(?:to|by)\s+(?:our\s+|a\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:partners?|resellers?|contractors?|subcontractors?|third[- ]part(?:y|ies)|agenc(?:y|ies)|outsourcers?)\b|"
    r"\b(?:partner|reseller|third-party|outsourced)(?:\s+bank)?(?:['’]s)?\s+(?:call\s+cent(?:re|er)|team|staff|agents?|support|"
    r"engineers?|technicians?|installers?)\b|"
    r"\b(?:our|a|the|your)\s+(?:[\w-]+\s+){0,2}(?:partners?|resellers?|distributors?|contractors?|vendors?)\s+(?:themselves\s+)?"
    r"(?:pick|picks|answer|answers|handle|handles|run|runs|build|builds|maintain|maintains|install|installs|stand|stands|"
    r"provide|provides|deliver|delivers|take|takes|do|does|ship|ships|insure|insures|back|backs|cover|covers|guarantee|"
    r"guarantees|honou?rs?|repair|repairs|replace|replaces|service|services|fit|fits|mount|mounts)\b|"
    # "a 3-year warranty from the distributor you buy it through", "covered by your reseller"
    r"\b(?:warranty|guarantee|cover|coverage|support|service|repairs?)\s+(?:is\s+)?(?:from|by|through)\s+(?:the|your|our|a)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:distributors?|resellers?|partners?|contractors?|vendors?|dealers?)\b|"
    r"\b(?:covered|backed|guaranteed|honou?red|serviced|repaired)\s+by\s+(?:the|your|our|a)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:distributors?|resellers?|partners?|contractors?|vendors?|dealers?)\b", re.I)


def _third_party_does(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Support is handled by our reseller partners", "our partner bank's call centre answers" where the
    platform says nothing of partners: someone else does what the company does."""
    m = _THIRD_PARTY.search(claim)
    if not m or re.search(r"\b(?:partners?|resellers?|third[- ]part\w*|contractors?|agenc\w+|distributors?|vendors?)\b",
                          approved, re.I):
        return None
    return f"has a third party do it ('{m.group(0)}') where the platform says the company does"


_OTHERS_DECIDE = re.compile(
    r"\blets?\s+(?:them|(?:your\s+|each\s+|every\s+)?(?:staff|employees?|cardholders?|team|users?|managers?))\s+"
    r"(?:set|pick|choose|decide|control)\b|"
    r"\b(?:staff|employees?|cardholders?|users?)\s+(?:set|pick|choose|decide)\b[^.;]{0,40}\b(?:for\s+themselves|their\s+own)\b",
    re.I)


def _others_decide(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Give every employee a card and let them set their own limit" where the platform says "a
    limit that you set": the cardholders decide what the account owner decides."""
    said = re.search(r"\b(?:that\s+)?you\s+(set|control|decide|choose)\b", approved, re.I)
    m = _OTHERS_DECIDE.search(claim)
    if not said or not m:
        return None
    return f"'{m.group(0)}' where the platform says you {said.group(1)} it"


_ALERTS_US = re.compile(r"\b(?:alerts?|flags?|warns?|notif(?:y|ies)|tells?)\s+(?:(?:[\w-]+\s+){0,4}?to\s+)?(?:us|our\s+[\w-]+|PRODUCT)\b",
                        re.I)


_THIRD_PARTIES = r"(?:suppliers?|vendors?|distributors?|oems?|manufacturers?|makers?|insurers?)"
_ALERTS_OTHERS = re.compile(rf"\b(?:alerts?|warns?|notif(?:y|ies)|pings?)\s+(?:your\s+|the\s+)?(?:[\w'’-]+\s+)?{_THIRD_PARTIES}\b|"
                            rf"\b(?:your\s+|the\s+)?(?:[\w-]+\s+)?{_THIRD_PARTIES}\s+(?:gets?|receives?|is\s+sent)\s+"
                            r"(?:an?\s+|the\s+)?(?:alerts?|warnings?|notifications?|heads-up)\b", re.I)


def _alerts_us(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Your store staff flag low stock to us", "your maintenance crew alerts Keel" where the platform
    says the alerts reach the customer: the warning goes the other way."""
    if not re.search(r"\b(?:alerts?|warns?|warnings?|notif\w*)\b", approved, re.I) or re.search(r"\b(?:us|we|our)\b", approved, re.I):
        return None
    text = _marked(claim, own_names, "PRODUCT")
    other = _ALERTS_OTHERS.search(text)
    if other and not re.search(rf"\b{_THIRD_PARTIES}\b", approved, re.I) \
            and not _DENIED_BEFORE.search(text[:other.start()]):
        return f"has the alert go to a third party ('{other.group(0)}') where the platform says it reaches the customer"
    raised = re.search(r"\b(?:store\s+)?(?:staff|team|employees|managers|crew)\s+(?:log|logs|raise|raises|send|sends|file|files|"
                       r"flag|flags|report|reports)\s+(?:[\w-]+\s+){0,2}?(?:warnings?|alerts?)\b", text, re.I)
    if raised and re.search(r"\balerts?\s+(?:reach|go to|notify|warn)\b", approved, re.I):
        return f"has the customer's people raise the alerts ('{raised.group(0)}') where the platform says the alerts reach them"
    m = _ALERTS_US.search(text)
    if not m or not re.search(r"\b(?:your|you)\b", text[:m.start()], re.I) or _DENIED_BEFORE.search(text[:m.start()]):
        return None
    return f"has the customer alert the company ('{m.group(0).replace('PRODUCT', own_names[0] if own_names else 'us')}') where the platform says the alerts reach the customer"


_YOU_GAIN = re.compile(r"^(?:earn|get paid)\b|\b(?:you|your|businesses|companies|customers|retailers)\b[^.;]{0,70}?\b"
                       r"(?:get paid|earn|earns|land in your|lands? in your)\b|\bland(?:s)? in your\b", re.I)
_OTHERS_GAIN = re.compile(r"\b(?:the|your|their|our)\s+(?:[\w-]+\s+)?(merchants?|suppliers?|vendors?|sellers?|payees?|"
                          r"landlords?|partner bank|bank)\s+(?:gets?|receives?)\s+(?:paid|(?:the|your|their)\s+"
                          r"(?:money|cash|funds|payments?))\b|"
                          r"\b(PRODUCT|we|the bank|our partner bank)\s+(?:earns|earn|keeps|keep|pockets|pocket|makes|make)\b|"
                          # "lands in your supplier's account", "gets your suppliers paid", "get paid by you",
                          # "card payments you make": the customer pays, someone else is paid
                          r"\b(?:lands?|reach(?:es)?|arrives?|goes)\s+(?:in|into|to|at)?\s*(?:the|your|their)\s+(?:[\w-]+\s+)?"
                          r"(?:supplier|seller|merchant|vendor|payee|recipient)s?'?s?\s+(?:bank\s+)?accounts?\b|"
                          r"\bgets?\s+(?:your|their|the)\s+(?:suppliers?|vendors?|payees?|landlords?)\s+paid\b|\bpaid by you\b|"
                          r"\bpayments?\s+(?:that\s+)?you\s+(?:make|send)\b", re.I)


def _money_goes_elsewhere(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"The merchant gets your money the next business day", "your suppliers get paid up to 2x
    faster", "Fernway earns up to 3.2% APY" where the platform says the customer gets paid or earns:
    someone else gains."""
    if not _YOU_GAIN.search(approved):
        return None
    m = _OTHERS_GAIN.search(_marked(claim, own_names, "PRODUCT"))
    if not m or (m.group(1) and re.search(rf"\b{re.escape(m.group(1))}", approved, re.I)):
        return None
    who = m.group(0).replace("PRODUCT", own_names[0] if own_names else "the company")
    return f"has someone else gain ('{who}') where the platform says the customer does"


def _done_by_hand(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Your IT team pushes the data through by hand" where the platform says the app "syncs when the
    connection returns": what happens by itself becomes someone's manual work."""
    m = _BY_HAND.search(claim)
    if not m or _DENIED_BEFORE.search(claim[:m.start()]) or _BY_HAND.search(approved) \
            or re.search(r"\b(?:you|your|own|themselves)\b", approved, re.I):
        return None
    return f"has it done '{m.group(0)}' where the platform says it happens by itself"


def _work_moved_to_customer(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """"Your planning team retrains the forecasts" where the platform says "forecasts are retrained
    every night": what the platform does for the customer becomes the customer's work."""
    done_for_you = {_verb_base(m.group(1).lower()) for m in _PASSIVE.finditer(approved)}
    if not done_for_you:
        return None
    toks = _role_tokens(claim, own_names)
    for i, t in enumerate(toks):
        if _verb_base(t) in done_for_you and not t.endswith("ed"):
            before = _clause_before(toks, i, 4)
            # "Just encrypt your sales data before you send it": an instruction to the customer
            told = i < 3 and all(w in _BIDDING for w in toks[:i]) and not t.endswith(("s", "ing"))
            if "your" in before or "you" in before or set(before) & _CUSTOMERS or told:
                party = next((w for w in reversed(before) if w in _PARTY_WORDS or w == "you"), "you")
                return f"has your {party} do it ('{t}') where the platform says it is done for you" if party != "you" \
                    else f"has you do it ('{t}') where the platform says it is done for you"
    return None


_BIDDING = {"just", "simply", "please", "first", "then", "now"}
# the customer's side, named as such ("Customers encrypt their own data", "every retailer … encrypts")
_CUSTOMERS = {"customers", "customer", "retailers", "retailer", "clients", "client"}
_PARTY_WORDS = {
    "you": "you", "we": "we", "us": "we", "i": "we", "they": "they", "them": "they",
    "team": "team", "teams": "team", "staff": "staff", "technician": "technician", "technicians": "technician",
    "employee": "employee", "employees": "employee", "manager": "manager", "managers": "manager",
    "analyst": "analyst", "analysts": "analyst", "accountant": "accountant", "accountants": "accountant",
    "supplier": "supplier", "suppliers": "supplier", "vendor": "supplier", "vendors": "supplier",
    "customer": "customer", "customers": "customer", "client": "client", "clients": "client",
    "user": "user", "users": "user", "retailer": "retailer", "retailers": "retailer", "bank": "bank",
    "partner": "partner", "partners": "partner", "engineer": "engineer", "engineers": "engineer",
    "support": "support", "owner": "owner", "owners": "owner", "admin": "admin", "admins": "admin",
    "electrician": "electrician", "company": "company", "companies": "company",
    "businesses": "company", "plant": "plant", "plants": "plant", "buyer": "buyer", "buyers": "buyer",
    "sensor": "product", "sensors": "product", "app": "product", "platform": "product", "product": "product",
    "software": "product", "system": "product", "gateway": "gateway", "gateways": "gateway",
    "cloud": "cloud", "server": "cloud", "servers": "cloud", "backend": "cloud", "device": "product", "tool": "product",
    "_product_": "product",
}
# shared words that are no verb, so say nothing of who does what ("a single technician" / "in a
# single shift", "through the bank we partner with" / "through our partner bank")
_NOT_VERBS = {"_sep_", "single", "one", "through", "via", "within", "across", "oversea", "overseas", "international", "same", "own"}
_PREPOSITIONS = {"using", "running", "with", "by", "of", "for", "from", "on", "in", "to", "at", "use"}
_COLLECTIVE = {"team", "staff"}
_MEMBERS = {"team", "staff", "manager", "employee", "technician", "analyst", "engineer", "admin", "user", "owner",
            "retailer", "company", "plant", "customer", "client", "we", "you"}
_SKIP_BEFORE = {"can", "will", "'ll", "ll", "could", "would", "may", "also", "always", "never", "just", "then",
                "now", "simply", "automatically", "themselves", "yourself", "each", "who", "that", "to", "not",
                "don't", "doesn't", "won't", "can't"}
_DETERMINERS = {"the", "a", "an", "your", "our", "their", "its", "his", "her", "my", "every", "each", "all", "any"}


def _swapped_roles(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """Who does what: "Employees set their own limits" where the platform says "a limit that you
    set"; "warns machine vendors" where it says "warns maintenance teams"."""
    c_toks, a_toks = _role_tokens(claim, own_names), _role_tokens(approved, own_names)
    a_parties = {_PARTY_WORDS[t] for t in a_toks if t in _PARTY_WORDS}
    # a verb both deny says nothing of who does it ("you don't need cables", "sensors need no cables")
    denied_both = _negated_verbs(claim) & _negated_verbs(approved)
    for verb in {_stem(t) for t in c_toks} & {_stem(t) for t in a_toks}:
        if verb in _PARTY_WORDS or verb in _STOP or len(verb) < 3 or verb in denied_both or verb in _NOT_VERBS:
            continue
        for side in ("subject", "object"):
            pc, wc = _party(c_toks, verb, side)
            pa, wa = _party(a_toks, verb, side)
            if side == "subject" and pa is None and a_toks and _stem(a_toks[0]) == verb and pc is not None \
                    and (pc == "we" or _ours_before(c_toks, verb)):
                # the platform's imperative, "Connect your POS…": you connect it, not "our engineers"
                pa, wa = "you", "you"
            if side == "subject" and pc and pc == pa and pc in _COLLECTIVE | {"engineer", "analyst"} \
                    and _ours_before(c_toks, verb) and not _ours_before(a_toks, verb):
                return f"'our {wc} {verb}' where the platform says your {wa} {verb}"  # "our services team builds"
            if not pc or not pa or pc == pa:
                continue
            if pa == "they" and pc in a_parties or pc == "they":
                continue  # a pronoun stands for a party the platform names
            ours = _ours_before(c_toks, verb) and not _ours_before(a_toks, verb)  # "our services team" is not yours
            if not ours and ({pc, pa} & _COLLECTIVE and {pc, pa} <= _MEMBERS) or {pc, pa} <= {"we", "product", "company"}:
                continue  # a manager is one of "the store team"; "we ship" is the product shipping
            if side == "subject":
                name = own_names[0] if own_names else "the product"
                wc, wa = (name if w == "_product_" else w for w in (wc, wa))
                return f"'{wc} {verb}' where the platform says '{wa} {verb}'"
            return f"'{verb} {wc}' where the platform says '{verb} {wa}'"
    return _swapped_flow(claim, approved, own_names) or _swapped_comparison(claim, approved, own_names)


def _swapped_comparison(claim: str, approved: str, own_names: Sequence[str] = ()) -> str | None:
    """The two sides of a comparison exchanged: "spreadsheets came out 30% more accurate than the
    forecasts" where the platform says "forecasts are 30% more accurate than spreadsheet planning"."""
    def sides(text: str) -> tuple[set[str], str | None]:
        toks = [t for t in _role_tokens(text, own_names) if t != "_product_"]
        if "than" not in toks:
            return set(), None
        k = toks.index("than")
        after = next((t for t in toks[k + 1:k + 5] if t not in _STOP and t not in _SKIP_BEFORE and len(t) > 2), None)
        return {_stem(t) for t in toks[:k] if t not in _STOP}, (_stem(after) if after else None)
    c_before, c_after = sides(claim)
    a_before, a_after = sides(approved)
    if c_after and a_after and c_after != a_after and a_after in c_before and c_after in a_before:
        return f"turns the comparison round: '… than {c_after}' where the platform says '… than {a_after}'"
    return None


# Verbs that carry something from a sender to a recipient. "X sends alerts to Y", "X warns Y":
# X sends, Y receives. "Y gets paid", "Y receives alerts from X": the subject receives.
_SEND_VERBS = {"send", "sends", "sent", "sending", "push", "pushes", "pushed", "forward", "forwards", "deliver",
               "delivers", "delivered", "email", "emails", "text", "texts", "report", "reports",
               "paid", "transfer", "transfers", "share", "shares", "escalate", "escalates", "flag", "flags",
               "flagged", "signal", "signals"}
_TELL_VERBS = {"warn", "warns", "warned", "warning", "alert", "alerts", "alerted", "alerting", "notify", "notifies",
               "notified", "tell", "tells", "told", "ping", "pings", "page", "pages", "remind", "reminds",
               "pay", "pays", "paying", "reimburse", "reimburses"}  # "pays your suppliers": the suppliers receive
_RECEIVE_VERBS = {"get", "gets", "got", "receive", "receives", "received", "hear", "hears"}
_RECEIVED = {"paid", "alert", "alerts", "alerted", "warned", "warning", "warnings", "notified", "notification",
             "notifications", "payment", "payments", "payout", "payouts", "email", "emails", "report", "reports"}
_REACH_VERBS = {"reach", "reaches", "reached", "land", "lands", "landed", "arrive", "arrives", "arrived"}
_FLOW_PARTIES = {**_PARTY_WORDS, "office": "office", "offices": "office", "headquarters": "office",
                 "hq": "office", "head": "office", "vendor": "vendor", "oem": "vendor", "manufacturer": "vendor",
                 "manufacturers": "vendor", **{w + s: w for w in (
                     "cashier", "merchant", "agent", "rep", "driver", "operator", "worker", "shopper", "guest",
                     "member", "seller", "payee", "payer", "contractor", "freelancer", "auditor", "lender",
                     "regulator", "insurer", "distributor", "reseller", "planner", "director", "executive")
                     for s in ("", "s")}}
_FLOW_SKIP = _DETERMINERS | _SKIP_BEFORE | {"store", "maintenance", "machine", "finance", "sales", "field",
                                           "plant", "site", "ops", "operations", "it", "security", "regional"}


def _flow(text: str, own_names: Sequence[str]) -> dict[str, str]:
    """Who sends and who receives, for the first verb of flow in ``text``: {"from": party, "to": party}.

    "Low-stock alerts reach the store team" → {"to": "team"}; "Your team sends alerts to Keel" →
    {"from": "team", "to": "product"}; "Get paid the next day" (an imperative) → {"to": "you"}.
    """
    toks = _role_tokens(text, own_names)
    for i, t in enumerate(toks):
        kind = ("send" if t in _SEND_VERBS else "tell" if t in _TELL_VERBS else
                "receive" if t in _RECEIVE_VERBS else "reach" if t in _REACH_VERBS else None)
        if kind is None:
            continue
        if kind == "receive" and t not in {"receive", "receives", "received"} \
                and not set(toks[i + 1:i + 4]) & _RECEIVED:
            continue  # "get" alone is not a flow: "get insight", "get started"
        subject = _flow_party(list(reversed(toks[max(0, i - 4):i])))
        if subject is None and (i == 0 or toks[i - 1] in {"just", "simply", "and", "then"}) and kind in ("receive", "send"):
            subject = "you"  # an imperative: "Get paid…", "Send invoices…"
        if subject is None and i > 0 and kind in ("receive", "send"):
            subject = _flow_party(toks[:2])  # the sentence's subject: "Businesses that add links … get paid"
        after = toks[i + 1:i + 9]
        obj = _flow_party(after[:3]) if kind == "tell" or kind == "reach" else None
        to = next((_flow_party(after[k + 1:k + 4]) for k, w in enumerate(after) if w == "to"), None)
        frm = next((_flow_party(after[k + 1:k + 4]) for k, w in enumerate(after) if w in ("from", "by")), None)
        roles: dict[str, str] = {}
        if kind in ("send", "tell"):
            if subject:
                roles["from"] = subject
            if obj or to:
                roles["to"] = obj or to  # type: ignore[assignment]
        elif kind == "receive":
            if subject:
                roles["to"] = subject
            if frm:
                roles["from"] = frm
        else:  # reach: the subject is the thing that travels, the object receives it
            if obj:
                roles["to"] = obj
        if roles:
            return roles
    return {}


def _flow_party(span: list[str]) -> str | None:
    for w in span:
        if w in _FLOW_PARTIES:
            return _FLOW_PARTIES[w]
        if w in _FLOW_SKIP or w in _PREPOSITIONS:
            continue
        return None
    return None


_CUSTOMER = {"company": "you", "retailer": "you", "plant": "you", "you": "you"}


def _swapped_flow(claim: str, approved: str, own_names: Sequence[str]) -> str | None:
    """Sender and recipient differ: "the store team sends alerts to head office" where the platform
    says "alerts reach the store team"."""
    fc, fa = _flow(claim, own_names), _flow(approved, own_names)
    if not fc or not fa:
        return None
    # the platform's "businesses", "retailers", "plants" are its customers: "you" in a claim
    fc = {k: _CUSTOMER.get(v, v) for k, v in fc.items()}
    fa = {k: _CUSTOMER.get(v, v) for k, v in fa.items()}
    show = {"product": own_names[0] if own_names else "the product", "we": "us", "you": "you"}
    for role, other in (("to", "from"), ("from", "to")):
        if fa.get(role) and fc.get(other) == fa[role] and fc.get(role) != fa[role]:
            p = show.get(fa[role], f"the {fa[role]}")
            if p == "you":
                said = "receive" if role == "to" else "send"
                return f"you {'send' if said == 'receive' else 'receive'} where the platform says you {said}"
            said = "receives" if role == "to" else "sends"
            return f"{p} {'sends' if said == 'receives' else 'receives'} where the platform says {p} {said}"
    a_from, c_from = fa.get("from"), fc.get("from")
    if a_from and c_from and a_from != c_from and not {a_from, c_from} <= {"we", "product", "company"} \
            and "they" not in (a_from, c_from) and not ({a_from, c_from} & _COLLECTIVE and {a_from, c_from} <= _MEMBERS):
        return f"sent by {show.get(c_from, 'the ' + c_from)} where the platform says {show.get(a_from, 'the ' + a_from)}"
    a_to, c_to = fa.get("to"), fc.get("to")
    if a_to and c_to and a_to != c_to and not ({a_to, c_to} & _COLLECTIVE and {a_to, c_to} <= _MEMBERS) \
            and not {a_to, c_to} <= {"we", "product", "company"} and "they" not in (a_to, c_to):
        return f"goes to {show.get(c_to, 'the ' + c_to)} where the platform says {show.get(a_to, 'the ' + a_to)}"
    return None


def _ours_before(toks: list[str], verb: str) -> bool:
    """'our' (or 'we') among the four words before the first use of ``verb``."""
    i = _first_use(toks, verb)
    return i is not None and bool({"our", "we"} & set(toks[max(0, i - 4):i]))


def _role_tokens(text: str, own_names: Sequence[str] = ()) -> list[str]:
    return list(_role_tokens_cached(text, tuple(own_names)))


@lru_cache(maxsize=8192)
def _role_tokens_cached(text: str, own_names: tuple[str, ...]) -> tuple[str, ...]:
    text = _marked(text, own_names, " _product_ ")
    text = re.sub(r"\bsupport\s+(?:team|staff|agents?|desk)\b", "support", text, flags=re.I)
    # "Factories that run Keel Sentinel cut downtime": the factories cut it; the relative clause only says which
    text = re.sub(r"\b(?:(?:that|who)\s+(?:use|uses|run|runs|have|has|deploy|deploys)|using|running)\s+_product_ ", " ",
                  text, flags=re.I)
    # "does the vibration analysis" is "analyses": the nominalised verb, so the subjects compare
    text = re.sub(r"\b(?:does|do|did|handles|handle|performs|perform|runs|run)\s+(?:all\s+)?(?:the|its|their|your)\s+"
                  r"(?:[\w-]+\s+)?(?:analysis|number-crunching|calculations|maths|math|processing)\b", "analyses", text, flags=re.I)
    text = re.sub(r"'(ll|re|ve|d)\b", "", text.lower().replace("’", "'"))  # "you'll pay" -> "you pay"
    text = re.sub(r"\b(decides|chooses|picks|controls)\b", "sets", text)  # who decides the limit is who sets it
    text = re.sub(r"\b(decide|choose|pick|control)\b", "set", text)
    text = re.sub(r"\bputs? together\b|\bassembles?\b", "builds", text)
    # "pushes the store's data back up": syncs it
    text = re.sub(r"\bpush(?:es)?\s+(?:(?:the|your|its|their|all)\s+)?(?:[\w']+\s+)?data\s+(?:back\s+)?(?:up|to|into)\b", "syncs",
                  text)
    # "your team handles encryption": the team encrypts
    text = re.sub(r"\b(?:handles?|does|do|takes? care of|manages?|looks? after)\s+(?:the\s+|all\s+)?(encrypt|install|integrat)(?:ion|ation|ing)\b",
                  r"\1s", text)
    # "asks every retailer to hold its own certification and to encrypt …": the retailer does it;
    # "customers are expected to respond to support": the customers answer
    text = re.sub(r"\b(?:asks?|requires?|expects?|tells?)\s+(?:every|each|all|your|the)?\s*([a-z_]+)(?:\s+on\s+the\s+platform)?\s+to\s+",
                  r"\1 ", text)
    text = re.sub(r"\b(?:are|is)\s+(?:expected|required|asked|supposed)\s+to\s+", " ", text)
    text = re.sub(r"\band\s+to\s+(?=[a-z]+\b)", "and ", text)
    text = re.sub(r"\b(?:respond|responds|reply|replies|get back|gets back)\s+to\b", "answers", text)
    # "each sensor talks to the network directly": it sends the data itself
    text = re.sub(r"\b(?:talks?|connects?|links?)\s+(?:directly\s+)?to\s+(?:the|your)\s+(?:plant\s+)?network\b", "sends data", text)
    # "a Lumen analyst, who builds the reports": the relative clause's verb has the noun as its subject
    text = re.sub(r"\b([a-z_]+),?\s+(?:who|which|that)\s+(?=[a-z]+s\b)", r"\1 ", text)
    text = re.sub(r"[,;:!?—–()]|\.(?:\s|$)", " _sep_ ", text)  # clause ends: a party is not looked for past them
    return tuple(t.strip("'") for t in re.split(r"[^a-z'_]+", text) if t.strip("'"))


def _negated_verbs(text: str) -> set[str]:
    """Words right after a negator or with "no" right after them: "don't need", "need no"."""
    toks = tokens(text.replace("’", "'"))
    out = {_stem(b) for a, b in zip(toks, toks[1:]) if a in _NEG_WORDS or a.endswith("n't")}
    out |= {_stem(a) for a, b in zip(toks, toks[1:]) if b in ("no", "nothing", "never")}
    return out


def _first_use(toks: list[str], verb: str) -> int | None:
    """Where ``verb`` is first said (not denied: "managers never have to build anything; our analysts
    build the reports" — the analysts build them)."""
    return _first_uses(tuple(toks)).get(verb)


@lru_cache(maxsize=4096)
def _first_uses(toks: tuple[str, ...]) -> dict[str, int]:
    """Every stem's first use in ``toks`` that is not denied (else its first use)."""
    said: dict[str, int] = {}
    denied: dict[str, int] = {}
    for i, t in enumerate(toks):
        stem = _stem(t)
        if stem in said:
            continue
        if any(w in _NEG_WORDS or w.endswith("n't") for w in toks[max(0, i - 3):i]):
            denied.setdefault(stem, i)
        else:
            said[stem] = i
    return {**denied, **said}


def _party(toks: list[str], verb: str, side: str) -> tuple[str | None, str | None]:
    """The party next to the first use of ``verb``: the subject before it, the object after it."""
    i = _first_use(toks, verb)
    if i is None:
        return None, None
    if side == "subject" and i > 0 and toks[i - 1] == "and":
        # "Lumen Pulse is SOC 2 certified and encrypts all data": the sentence's subject does it too
        lead = next((w for w in toks[:min(i - 1, 2)] if w in _PARTY_WORDS), None)
        if lead:
            return _PARTY_WORDS[lead], lead
    span = list(reversed(_clause_before(toks, i, 4))) if side == "subject" else _clause_after(toks, i, 3)
    modifiers = 0
    for k, w in enumerate(span):
        if side == "subject" and w in _PARTY_WORDS and k + 1 < len(span) and span[k + 1] in _PREPOSITIONS:
            continue  # "Stores using Lumen Pulse reduce": Lumen Pulse is not who reduces
        if w in _PARTY_WORDS:
            return _PARTY_WORDS[w], w
        if side == "subject" and w in _PREPOSITIONS:
            continue
        if w in _DETERMINERS or (side == "subject" and w in _SKIP_BEFORE):
            continue
        if side == "object" and modifiers == 0 and w not in _STOP and w not in _SKIP_BEFORE:
            modifiers += 1  # "warns machine vendors": one modifier before the party
            continue
        break
    return None, None


def _clause_before(toks: Sequence[str], i: int, n: int) -> list[str]:
    """Up to ``n`` role tokens before position ``i``, within its clause (``_sep_`` ends one)."""
    before = list(toks[max(0, i - n):i])
    return before[len(before) - before[::-1].index("_sep_"):] if "_sep_" in before else before


def _clause_after(toks: Sequence[str], i: int, n: int) -> list[str]:
    """Up to ``n`` role tokens after position ``i``, within its clause."""
    after = list(toks[i + 1:i + 1 + n])
    return after[:after.index("_sep_")] if "_sep_" in after else after


def clear_caches() -> None:
    """Forget the cached facts of texts already read (for benchmarks that time a cold pass)."""
    for f in (_quantities, _absolutes, _scope, _negation_scopes, bases, _role_tokens_cached, ideas, _idea_sides, _stem,
              _first_uses, _tokens, _modified_nouns_cached):
        f.cache_clear()
