"""Split text blocks into sentences (spaCy blank English + sentencizer) and keep the claims.

A claim is a sentence that asserts something about the product or the customer. Titles and
labels ("Agenda", "Customer story: Northwind"), names and job titles, emails, URLs, dates, slide
numbers, calls to action, legal lines, "Thank you!" and questions are not claims.

The rules are plain and explainable: ``claim_reason(text)`` returns why a sentence is *not* a
claim, or None when it is one.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from .models import Claim, Location, TextBlock

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


@lru_cache(maxsize=1)
def nlp() -> "Language":
    """spacy.blank("en") with the sentencizer, imported with torch kept out (thinc would load it)."""
    blocked = "torch" not in sys.modules
    if blocked:
        sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        if blocked and sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def sentences(blocks: Sequence[TextBlock]) -> list[tuple[str, TextBlock]]:
    """Every sentence of every block, with the block it came from."""
    out: list[tuple[str, TextBlock]] = []
    texts = [b.text for b in blocks]
    for block, doc in zip(blocks, nlp().pipe(texts, batch_size=256)):
        for sent in doc.sents:
            s = sent.text.strip()
            if s:
                out.append((s, block))
    return out


def claim_texts(texts: Sequence[str]) -> set[str]:
    """Those of ``texts`` that make a claim as a deck would read them: not a non-claim as a whole,
    and at least one of their sentences a claim ("What happens when the Wi-Fi drops? Offline mode
    in the mobile app" is a question and a title). One sentencizer pass for all of them."""
    blocks = [TextBlock(t, Location()) for t in dict.fromkeys(texts) if claim_reason(t) is None]
    return {b.text for s, b in sentences(blocks) if claim_reason(s) is None}


def claims(blocks: Sequence[TextBlock]) -> list[Claim]:
    """The sentences of ``blocks`` that make a claim."""
    return [Claim(s, b.location, b.role) for s, b in sentences(blocks) if claim_reason(s, b.role) is None]


# --- claim detection -------------------------------------------------------------------------

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")
_URL = re.compile(r"\b(https?://|www\.)\S+|\b[\w-]+\.(com|io|net|org|ai|co)(/\S*)?\b", re.I)
_PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december"
_DATE = re.compile(
    rf"^\W*((\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})|(\d{{4}}-\d{{2}}-\d{{2}})|((({_MONTHS})\.?\s+\d{{1,2}}(st|nd|rd|th)?,?\s*\d{{0,4}})|(\d{{1,2}}\s+({_MONTHS})\.?,?\s*\d{{0,4}}))|(q[1-4]\s*\d{{4}})|(({_MONTHS})\s+\d{{4}}))\W*$",
    re.I,
)
_PERIOD_TITLE = re.compile(r"\b(q[1-4]|h[12]|fy)\s*'?\d{2,4}\b|\b(19|20)\d\d\s+(review|results|update|roadmap|plan|"
                           r"kickoff|kick-off|summit|outlook|report|recap|priorities|goals|okrs)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

_FIXED_NON_CLAIMS = {
    "agenda", "thank you", "thanks", "questions", "any questions", "q&a", "next steps", "appendix",
    "contents", "table of contents", "overview", "summary", "introduction", "welcome", "contact",
    "contact us", "about us", "confidential", "internal use only", "learn more", "read more",
    "book a demo", "get started", "sign up", "request a demo", "start free trial", "see pricing",
    "let's talk", "lets talk",
}
_CTA_START = re.compile(
    r"^(book|request|schedule|contact|learn|get|sign|try|download|register|call|email|visit|join|"
    r"watch|read|see|talk|start|explore|discover|subscribe|follow|reach|ask|chat|claim|grab|check)\b",
    re.I,
)
_GET_IN_TOUCH = re.compile(r"^(get in touch|reach out|contact|talk|speak)\s+(with|to)?\s*(us|our|your|the|a|an)\b"
                          r"(\s+[\w&'-]+){0,5}\s+(team|engineer|rep|representative|manager|specialist|advisor|adviser|"
                          r"expert|partner|sales|office)s?(?:\s+(?:to|for)\s+[^.!?]{3,40})?\.?$", re.I)
_MEETING_HEAD = re.compile(r"^[\w&' -]{0,30}\b(review|meeting|session|webinar|workshop|summit|kickoff|kick-off|briefing|"
                           r"town hall|all-hands|offsite|qbr)\s*:", re.I)
# verbs that open a short button label ("Open an account", "Apply now") but also many claims
_SHORT_CTA_START = re.compile(r"^(open|apply|create|upgrade|buy|shop|compare|order|enrol|enroll)\b", re.I)
_EVENT = re.compile(r"^(join|visit|meet|see|find) us\b|^(come|stop) (and )?(see|visit|by)\b", re.I)
_DATE_IN = re.compile(r"\b\d{1,2}(\s*[-–]\s*\d{1,2})?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                      r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}\b", re.I)
_RHETORICAL = re.compile(r"^(why (keep|pay|wait|spend|settle|struggle|waste|put up|risk|guess)|"
                         r"what if|tired of|isn't it time|why not|who needs)\b", re.I)
_BOOKING = re.compile(r"^(book|schedule|request|reserve|claim|start|get)\s+(a|an|your|my)\s+([\w-]+\s+){0,3}?"
                      r"(demo|trial|call|consultation|tour|walkthrough|quote|assessment|meeting)\b", re.I)
_LEGAL = re.compile(
    r"(©|\(c\)\s*\d{4}|all rights reserved|trademarks? of|registered trademark|privacy policy|"
    r"terms of (use|service)|cookie policy|forward-looking statements|for internal use|confidential and proprietary|"
    r"member fdic|member sipc|equal housing lender|is not a bank|(banking|card|lending) services (are )?(provided|offered|issued) by|"
    r"issued by .{0,60} pursuant to|terms (and conditions )?apply|subject to (credit )?approval|results may vary|"
    r"past performance|not fdic insured|subject to change|(terms|conditions|restrictions|eligibility|exclusions)\b[^.]{0,40}\bapply|"
    r"full (details|terms)( are)? (in|at|on)|see .{0,40} for (full )?details|without (prior )?notice|images? for illustration|licensed under|licensed by (?!the (?:seat|user|store|plant|site|location|device|sensor|month|year)s?\b)|registered (in|with) .{0,40}(no\.|number)|"
    r"results (will |may |can )?vary|based on an? (\d{4} )?(survey|study|analysis) of|we use cookies|cookie (settings|preferences)|"
    r"(is|are) governed (solely )?by|exclusive remedy|set out in the|terms and exclusions|complies with part \d+|fcc rules|"
    r"pass-through (coverage|insurance)|subject to (identity verification|verification|certain conditions|approval)|"
    r"rates? (may|can|could) change|accurate as of|fees (could|may|might) reduce|rates are variable|valid until|"
    r"(excl|incl)\.?(uding)? (vat|tax|sales tax)|prices? (exclude|include)s? (vat|tax))",
    re.I,
)
_LABEL_PREFIX = re.compile(
    r"^(customer story|case study|agenda|speaker|presenter|presented by|prepared for|prepared by|"
    r"source|sources|note|notes|footnote|figure|fig\.|table|chart|appendix|section|part|step|module|"
    r"session|date|time|location|venue|contact|email|phone|web|website|version|slide|page)\s*\d*\s*[:\-–—]",
    re.I,
)
_JOB_WORDS = re.compile(
    r"\b(ceo|cto|cfo|coo|cmo|cro|vp|svp|evp|chief|officer|director|manager|head of|lead|founder|"
    r"co-founder|president|engineer|analyst|architect|consultant|specialist|executive|partner|"
    r"representative|owner|associate|coordinator|strategist|marketer)\b",
    re.I,
)
_WH_START = re.compile(r"^(what|why|how|when|where|who|which)\b", re.I)
# a list or caption label, however long: "Agenda: 1) … 2) …", "Figure 2 — Weekly net sales by region (x: week)"
_LONG_LABEL = re.compile(r"^(?:[\w-]+\s+)?(agenda(?: item)?|contents|outline|figure|fig\.|table|chart|exhibit|source|sources|"
                         r"next steps|timeline|schedule|release notes|what's new|changelog)\s*\d*\s*[:\-–—]", re.I)
_LIST_LABELS = {"agenda", "agenda item", "contents", "outline", "next steps", "timeline", "schedule", "release notes", "what's new", "changelog"}
# housekeeping of slides, e-mails and pages: "Step 2 of 4: …", "(video)", "see table on p. 4", "Hi Marcus, …"
_HOUSEKEEPING = re.compile(
    r"\bstep \d+ of \d+\b|\((video|pdf|webinar|demo|blog|guide|recording|slides|download)\)|"
    r"\bsee (the )?(table|page|p\.|figure|fig\.|appendix|slide|datasheet|attached)\b|"
    r"^(thanks|thank you)\b(?! to\b)|^any questions\b|\breply to this (e-?mail|message)\b|"
    r"\b(attaching|attached is|please find attached|as discussed|following up on)\b|\blinked below\b|"
    r"\b(app store|google play)\b|^see you (at|in|there|soon)\b|\b(chapter|part|episode|module|lesson|session)\s+\d+\s*:|"
    r"^[A-Z]{2,6}\s*=\s*[A-Z]|^bring your (\w+ )?questions\b", re.I)
_WEEKDAY = re.compile(r"\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?s?\b", re.I)
# a person introduced by name: "Dana Okafor heads up customer success at …", "Meet the team: Carlos Ibarra runs …"
_BIO = re.compile(r"^(?:[Mm]eet the team:\s*|[Mm]eet\s+)?(?:(?:[Dd]r|[Mm]r|[Mm]s|[Mm]rs|[Pp]rof)\.?\s+)?"
                  r"(?!(?:Every|Each|All|Any|Our|Your|The|This|These|Those|Most|Some|Both|No|Its|Their)\b)"  # "Every Sentinel runs …"
                  r"[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+){1,2}\s+"
                  r"(?:is|was|leads|heads|runs|manages|oversees|founded|co-founded|joined|looks after|has led|spent|brings)\b")
# … and what marks it as a person's role, not a product's ("Lumen Pulse runs on Azure")
_ROLE_WORDS = re.compile(r"\b(team|success|partnerships?|engineering|support|sales|marketing|product|operations|"
                         r"finance|centre|center|office|department|division|practice|years)\b", re.I)
_CHAPTER = re.compile(r"^(chapter|part|section|module|step|lesson|unit|episode)\s+\d+\s*[:\-–—]", re.I)
_HOSTED = re.compile(r"^(hosted|presented|moderated|introduced|led|written|authored) by\b", re.I)
_CONTACT_VERB = re.compile(r"\b(email|e-mail|call|phone|contact|reach|write to|text)\b", re.I)
_ADDRESS = re.compile(r"\b(unit|suite|floor|building)\s+\d+\b|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s+\d[A-Z]{2}\b|\b\d{5}(-\d{4})?\s*$|"
                      r"\b\d+\s+[A-Z][a-z]+\s+(street|st|avenue|ave|road|rd|boulevard|blvd|lane|drive|way)\b", re.I)
_HEADLINE_COLON = re.compile(r"^[^:.!?]{2,60}:\s+(how|what|why|when|where|who|a |an |the |your |our |getting|[\w-]+ing\b)", re.I)
_EVENT_PREFIX = re.compile(r"^(webinar|event|workshop|meetup|conference|summit|roadshow|live session|live demo|"
                           r"office hours|masterclass)\s*[:\-–—]", re.I)
_CLOCK = re.compile(r"\b\d{1,2}(:\d\d)?\s*(am|pm)\b", re.I)
_INSTRUCTION = re.compile(r"^(caution|warning|safety|important|tip)\s*[:\-–—]\s*([a-z']+)", re.I)
_IMPERATIVES = {"never", "always", "avoid", "read", "check", "follow", "consult", "wear", "disconnect", "switch", "turn",
                "do", "ensure", "make", "keep", "use", "contact", "call", "refer"}
_TELLING_FIGURE = re.compile(r"\d\s*(%|x\b|×)|[$€£]\s*\d", re.I)
_MINOR = {"a", "an", "the", "of", "and", "&", "for", "in", "on", "to", "with", "at", "by", "or", "vs", "vs."}
_VERB_BASES = set(
    """
    be is are was were been being am 's 're have has had having do does did done can could will would shall
    should may might must need needs let lets get gets got make makes made give gives gave take takes took
    keep keeps kept help helps see sees saw know knows knew find finds found build builds built run runs
    ran cut cuts put puts set sets go goes went come comes came pay pays paid sell sells sold send sends
    sent spend spends spent lose loses lost win wins won grow grows grew hold holds held bring brings
    brought offer provide connect refresh update reduce increase improve save boost lower raise drive
    deliver enable empower support include integrate sync work replace plan forecast predict beat
    outperform encrypt protect secure certify audit answer respond alert notify ship launch deploy install
    set-up scale track measure monitor report analyse analyze show display surface spot catch flag prevent
    stop avoid eliminate remove automate simplify streamline accelerate speed slash double triple halve
    trust love use rely choose switch move migrate start finish serve process handle manage price charge
    cost require depend allow let mean matter create design train retrain account cover reach stay remain
    become turn open close pull push load import export share collaborate access view explore understand
    learn decide act respond resolve fix solve meet exceed guarantee promise ensure cause lead
    """.split()
)
_AUX = {"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
        "can", "could", "will", "would", "should", "may", "might", "must", "shall", "won't", "can't",
        "don't", "doesn't", "isn't", "aren't", "didn't", "it's", "we're", "you're", "they're", "that's",
        "there's", "we'll", "you'll", "it'll", "we've", "you've", "i'm"}


def _is_verbish(word: str) -> bool:
    w = word.lower().strip("'’")
    if w in _AUX or w in _VERB_BASES:
        return True
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("d", ""), ("ing", ""), ("ing", "e")):
        if w.endswith(suffix) and (w[: -len(suffix)] + repl) in _VERB_BASES:
            return True
    # doubled consonant: "cutting", "slashed" handled above; "stopped" -> "stop"
    if len(w) > 5 and w.endswith("ed") and w[-3] == w[-4] and w[:-3] in _VERB_BASES:
        return True
    return False


def claim_reason(text: str, role: str = "body") -> str | None:
    """Why ``text`` is not a claim, or None when it is one."""
    t = " ".join(text.split())
    words = _WORD.findall(t)
    bare = re.sub(r"[^\w\s&'’-]", "", t).strip().lower()
    if not words:
        return "no words"
    if bare in _FIXED_NON_CLAIMS or bare.rstrip("!. ") in _FIXED_NON_CLAIMS:
        return "title or closing line"
    if _EMAIL.search(t) and len(words) <= 8:
        return "contact line"
    if (_EMAIL.search(t) or _PHONE.search(t)) and len(words) <= 20 and (_CONTACT_VERB.search(t) or _EMAIL.search(t)):
        return "contact line"  # "Questions? Email sales@… or call +1 415 555 0142, Mon–Fri, 9–6 PT."
    if _ADDRESS.search(t) and t.count(",") >= 2 and not t.endswith(".") and not any(_is_verbish(w) for w in words):
        return "address"
    if re.match(r"^\s*[*†‡¹²³]", t):
        return "footnote"
    if _URL.search(t) and len(_URL.sub("", t).split()) <= 4:
        return "URL"
    if _PHONE.fullmatch(t.strip()) or (_PHONE.search(t) and len(words) <= 5):
        return "phone number"
    if _DATE.match(t):
        return "date"
    if _LEGAL.search(t):
        return "legal line"
    if _PERIOD_TITLE.search(t) and len(words) <= 8 and not t.endswith(".") \
            and not any(_is_verbish(w) for w in words):
        return "title"
    if re.search(r"\s[|·]\s", t) and len(words) <= 10 and not t.rstrip().endswith("."):
        return "title"  # "Fernway Business | Spring update": a page or slide title, parts joined by a bar
    if len(re.findall(r"\s[|·›»/]\s", t)) >= 2 and not t.rstrip().endswith("."):
        return "label"  # form fields, table headers, breadcrumbs: "Business › Accounts › Savings pot"
    bio = _BIO.match(t)
    if bio and len(words) <= 25 and not _TELLING_FIGURE.search(t) and (
            _JOB_WORDS.search(t) or _ROLE_WORDS.search(t) and not re.search(r"\s(is|was)$", bio.group(0))):
        return "name or job title"  # "X is" needs a job title: "Lumen Pulse is billed by the seat" is a claim
    if _CHAPTER.match(t) and not t.rstrip().endswith("."):
        return "title"  # "Chapter 2: Sensors in harsh environments"
    if _HOSTED.match(t):
        return "name or job title"
    if _HEADLINE_COLON.match(t) and not t.rstrip().endswith((".", "!")) and len(words) <= 14 and not re.search(r"\d", t):
        return "title"  # "Battery life: what to expect and how to plan your swaps"
    if _EVENT.match(t) and (_DATE_IN.search(t) or re.search(r"\b(stand|booth|hall)\b", t, re.I)):
        return "event line"  # "Visit us at Hannover Messe, 20-24 April, Hall 11"
    if _EVENT_PREFIX.match(t) or (_DATE_IN.search(t) and _CLOCK.search(t)):
        return "event line"  # "Webinar: … · Thu, Jan 22, 2027, 1 pm ET"
    if _HOUSEKEEPING.search(t) and not _TELLING_FIGURE.search(t):
        return "housekeeping"  # "Step 2 of 4: Tell us about your business", "Hi Marcus, attaching the one-pager"
    if _CLOCK.search(t) and _WEEKDAY.search(t) and len(words) <= 12:
        return "event line"  # "Office hours are Tuesdays, 2–3 pm ET."
    if len(re.findall(r"→|->|⟶|➔", t)) >= 2:
        return "label"  # a process: "pilot in 3 stores → review after 30 days → decide"
    long_label = _LONG_LABEL.match(t)
    if long_label and (long_label.group(1).lower() in _LIST_LABELS
                       or not any(_is_verbish(w) for w in _WORD.findall(t[long_label.end():]))):
        return "label"  # but "Figure 3: stores cut stockouts by 25%" is a claim
    instruction = _INSTRUCTION.match(t)
    if instruction and (_is_verbish(instruction.group(2)) or instruction.group(2).lower() in _IMPERATIVES
                        or instruction.group(2).lower().endswith("n't")):
        return "instruction"  # "Caution: read the installation guide before mounting sensors"
    if t.rstrip().endswith("?") and not (_RHETORICAL.match(t) and len(words) >= 8):
        return "question"  # "Why keep paying analysts when the AI can do their job?" is a claim
    if len(words) < 3 and not (len(words) == 2 and _TELLING_FIGURE.search(t)):
        return "too short to be a claim"  # but "99.9% uptime SLA" is a claim
    if _LABEL_PREFIX.match(t) and len(words) <= 10:
        return "label"
    verbish = any(_is_verbish(w) for w in words)
    if re.search(r"\bpage \d+ of \d+\b|\((?:pdf|docx?|xlsx|pptx?|zip)\b[^)]*\)", t, re.I) and len(words) <= 14:
        return "label"  # "… installation guide, rev. C - page 4 of 12", "Download the guide (PDF, 2.4 MB)"
    if _BOOKING.match(t.split(":")[-1].strip()) and len(words) <= 10:
        return "call to action"  # "Book a 20-minute demo with our team", "Next step: schedule a call with …"
    if re.search(r"(→|›|»|->|>>|⟶|➔|➜)\s*$", t) and len(words) <= 10:
        return "call to action"  # a button or link: "Book a 20-minute demo →"
    if _CTA_START.match(t) and len(words) <= 7 and not re.search(r"\d", t):
        return "call to action"
    if re.match(r"^(talk|speak|chat) (to|with) (us|our|a|an|your|the)\b", t, re.I) and not t.endswith(".") \
            and not _TELLING_FIGURE.search(t):
        return "call to action"  # "Talk to our team about rolling out to all 200 of your stores"
    if (_SHORT_CTA_START.match(t) or _CTA_START.match(t)) and len(words) <= 7 and not t.endswith(".") \
            and not re.search(r"\d", t) and re.match(r"^\w+\s+(a|an|your|the|my)\b", t, re.I):
        return "call to action"  # "Order a 10-sensor pilot kit", "Open your Fernway Business account"
    if _SHORT_CTA_START.match(t) and len(words) <= 3 and not re.search(r"\d", t) and not t.endswith("."):
        return "call to action"
    if _SHORT_CTA_START.match(t) and len(words) <= 7 and not t.endswith(".") and re.match(r"^\w+\s+(a|an)\s+\d+-[a-z]", t, re.I) \
            and not re.search(r"\d(?!\d*-[a-z])", t):
        return "call to action"  # "Order a 10-sensor pilot kit": the figure names the kit
    if re.match(r"^(apply|sign up|open|book|call|contact|email|visit|register)\b[^.?!]{0,40}\bor\s+(call|email|contact|visit|"
                r"talk to|chat with|book|speak to|ring)\b", t, re.I) and len(words) <= 12 and not _TELLING_FIGURE.search(t):
        return "call to action"  # "Apply online or call our business team."
    if _GET_IN_TOUCH.match(t) and len(words) <= 12 and not _TELLING_FIGURE.search(t):
        return "call to action"  # "Get in touch with your Keel Systems field engineer."
    if _MEETING_HEAD.match(t) and len(words) <= 14 and not t.endswith("."):
        return "agenda"  # "Q3 business review: roadmap, pilot results and open Q&A"
    if re.search(r"\b(webinar|workshop|meetup|live demo|roadshow|open day|info session)\b", t, re.I) \
            and (_WEEKDAY.search(t) or _CLOCK.search(t) or _DATE_IN.search(t)) and len(words) <= 16:
        return "event line"  # "Keel Systems reliability webinar — Thursday, 14:00 CET. Register below."
    if re.search(r"\b(webinar|workshop|meetup|roadshow|town hall|info session|live demo|launch event)s?$", t, re.I) \
            and len(words) <= 10:
        return "title"  # "Lumen Pulse: Q4 product update webinar": an event's name, no full stop
    if re.match(r"^[^.]{0,60}\b(checklist|guide|manual|datasheet|data sheet|spec sheet|handbook|playbook|one-pager|"
                r"brochure|white ?paper|release notes|price list|rate card)\s*[-–—:|]", t, re.I) \
            and not t.endswith((".", "!")) and len(words) <= 12:
        return "title"  # "Keel Sentinel install checklist - Plant 4, Line B"
    if (re.match(r"^[^.:]{0,40}\bagenda(?:\s+item\s+\d+)?\s*:", t, re.I) and not t.endswith(".")
            or re.match(r"^(?:next up|up next|coming up|still to come|after the break)\s*:", t, re.I)) and len(words) <= 14:
        return "agenda"  # "Q3 business review - agenda: pipeline, renewals", "Next up: Q&A and a pricing walkthrough."
    if re.search(r":\s*(agenda|overview|contents|outline|summary|next steps|q&a|questions)\s*$", t, re.I) and len(words) <= 10:
        return "title"  # "Lumen Pulse Q4 product update: agenda"
    if re.match(r"^from\s+.{3,40}\s+to\s+.{3,40}\s+in\s+(\w+|\d+)\s+(easy\s+|simple\s+)?(steps|clicks|moves)$", t, re.I):
        return "title"  # "From magnet mount to first alert in three steps"
    caps = [w for w in words if w.lower() not in _MINOR]
    title_case = caps and sum(1 for w in caps if w[0].isupper()) / len(caps) >= 0.75
    if title_case and _JOB_WORDS.search(t) and len(words) <= 12:
        return "name or job title"
    if "," in t and _JOB_WORDS.search(t) and len(words) <= 10 and not verbish:
        return "name or job title"
    if title_case and len(words) <= 10 and not t.endswith("."):
        return "title"
    if role in ("title", "chart", "label") and not t.endswith(".") and len(words) <= 12:
        if not verbish or _WH_START.match(t):
            return "title"
    if not verbish and len(words) <= 6 and not re.search(r"\d", t) and not t.endswith("."):
        return "label"  # "No strings attached" is a label; "No credit checks, ever." is a sentence
    if not t.endswith((".", "!")) and len(words) <= 12 and re.match(r"^[A-Z][a-z]+ing\b", t) and not re.search(r"\d", t):
        return "title"  # "Getting started with payment links on your invoices"
    if not t.endswith((".", "!")) and len(words) <= 10:
        # headline shapes: "What AI means for your analysts", "Working offline in the stockroom"
        if _WH_START.match(t):
            return "title"
        if not re.search(r"\d", t) and not any(_is_verbish(w) and not w.lower().endswith("ing") for w in words):
            return "title"  # no finite verb, only -ing forms, no figure
    return None

