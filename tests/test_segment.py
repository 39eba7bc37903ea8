"""Claim detection: claims are kept; titles, names, contacts, dates, CTAs, legal lines are not."""

from __future__ import annotations

import pytest

from msgcheck.models import Location, TextBlock
from msgcheck.segment import claim_reason, claims, sentences

NON_CLAIMS = [
    "Keel Systems Reliability Webinar Series — Session 4: Getting started with condition monitoring",
    "Agenda", "Thank you!", "Questions?", "Maria Lopez, VP of Retail Operations", "jane.doe@lumen-analytics.com",
    "www.lumenanalytics.com", "https://lumen.example/pricing", "March 3, 2026", "2026-11-27", "Q4 2026",
    "Customer story: Northwind Outfitters", "Book a demo", "Get started today", "12",
    "© 2026 Lumen Analytics. All rights reserved.", "Why Retailers Choose Lumen Pulse", "Next steps",
    "How does it work?", "+1 (555) 010-2030", "Lumen Pulse for Multi-Store Retail",
    "Open an account", "Apply now", "Q3 2026 business review", "FY25 results",
    "Harbor Trust is not a bank. Banking services provided by Pinecrest Bank, Member FDIC.",
    "Card issued by Pinecrest Bank pursuant to a license from Visa.", "Terms and conditions apply.",
    "Thank you for your interest!", "Fernway Business | Spring product update", "Keel Sentinel · Field guide",
    "Book a 20-minute demo with our team", "Book a 20-minute demo →", "Join us at Retail Tech Live, 14-16 October, stand B42.",
    "Visit us at Hannover Messe, 20-24 April 2026, Hall 11, Stand C31.", "Terms and eligibility requirements apply.",
    "Specifications subject to change without notice.",
    "Agenda: 1) Where your stores are today  2) Live walkthrough  3) Pricing  4) Q&A",
    "Figure 2 — Weekly net sales by region, Q3 2026 (x: week, y: USD)",
    "Caution: read the installation guide before mounting sensors on rotating equipment.",
    "Webinar: Getting your books ready for tax season · Thu, Jan 22, 2027, 1 pm ET",
    "Battery life: what to expect and how to plan your swaps", "Chapter 2: Sensors in harsh environments",
    "Getting started with payment links on your invoices",
    "Dana Okafor heads up customer success at Lumen Analytics and spent twelve years running stores before that.",
    "Henrik Dahl is Head of Field Engineering at Keel Systems.", "Hosted by Omar Haddad, Head of Product",
    "Talk to our team about rolling Lumen Pulse out to all 200 of your stores before peak season",
    "Order a pilot kit", "Open your Fernway Business account",
    "Questions? Email sales@lumenanalytics.com or call +1 415 555 0142, Mon–Fri, 9–6 PT.",
    "Keel Systems, Unit 4, Riverside Industrial Park, Sheffield S9 2RX, United Kingdom",
    "*Based on a 2025 survey of 140 customers.", "Individual results vary.", "We use cookies to remember your preferences.",
    "Rates may change after the account is opened.", "This device complies with Part 15 of the FCC Rules.",
    "Legal business name* · EIN · Business type · Annual revenue", "Business › Accounts › Savings pot › Rates and terms",
    "Webinar agenda: 1. Setting up payment links  2. Syncing to Xero  3. Live Q&A",
    "Release notes: version 8.4 (12 November 2026)", "See you at NRF 2027, booth 4317",
    "Next steps: pilot in 3 stores → review after 30 days → decide on the full rollout",
    "Drag-and-drop reports: a 5-minute tour (video)", "Office hours are Tuesdays, 2–3 pm ET.",
    "Installation guide, step 3 of 6: position the magnetic base", "Environmental specs (see table on p. 4)",
    "Price list valid until 31 December 2026.", "All prices excl. VAT.", "Rates are variable.",
    "Reply to this email and I'll give you a call back.", "Download the app on the App Store or Google Play",
    "Hi Marcus, attaching the one-pager we talked about.", "Step 2 of 4: Tell us about your business",
    "Get in touch with your Keel Systems field engineer.", "Order a 10-sensor pilot kit",
    "Agenda item 3: pilot rollout plan and next steps", "Lumen Pulse Q4 product update: agenda",
    "Next step: schedule a call with your account specialist", "See Lumen Pulse in action: book your demo",
    "Book a 20-minute Lumen Pulse demo with our retail team",
    "Q3 business review - agenda: pipeline, renewals, open questions", "Next up: Q&A and a pricing walkthrough.",
    "Apply online or call our business team.",
    "Q3 business review — agenda item 4: store rollout timeline", "Keel Sentinel install checklist - Plant 4, Line B",
    "Keel Sentinel installation guide - Rev. C, March 2026",
    "Keel Systems reliability webinar — Thursday, 14:00 CET.", "Contact your Keel Systems field rep to book a site survey.",
    "Keel Sentinel installation guide, rev. C - page 4 of 12", "Book a 20-minute walkthrough with our retail team.",
    "Download the Keel Sentinel installation guide (PDF, 2.4 MB)",
    "Q3 business review: Lumen Pulse roadmap, pilot results and open Q&A", "From magnet mount to first alert in three steps",
    "Lumen Pulse: Q4 product update webinar",
]
CLAIMS = [
    "Lumen Pulse dashboards refresh every 5 seconds.",
    "Store managers build their own reports without SQL.",
    "Retailers cut weekly reporting from 12 hours to 2.",
    "Our forecasts beat spreadsheets by 30%.",
    "Priced per store, not per user",
    "The app keeps working offline",
    "Lumen is free for up to 10 stores.",
    "Open a business account online in about 10 minutes.",
    "In 2026 our stores cut stockouts by 25%.",
    "No credit checks, ever.",
    "Why keep paying an analytics team when the AI can do their job for you?",  # a rhetorical question claims
    "Join us in cutting stockouts by 25% this year.",
    "99.9% uptime SLA",  # a two-word bullet with a figure
    "Every Lumen Pulse plan includes a monthly onboarding webinar.",  # a claim about a webinar, not its name
    "Important: all data is encrypted at rest.",
    "Lumen Pulse is billed by the seat, so every extra person on the store team adds to the bill.",
    "Every Sentinel runs up to five years on one battery, whatever sampling rate you set.",
    "Lumen Pulse is licensed by the seat, so each extra person on the team adds to the bill.",
    "Lumen Pulse runs on Microsoft Azure in three regions.",
    "Open your account online in about 10 minutes",
    "Proud of the team: a single gateway now handles up to 250 sensors!",
    "Hi Sam, sign up over lunch and most shops see their own numbers the same afternoon.",  # a greeting, then a claim
    "Thanks to our uptime SLA, your dashboards are always available.",  # "thanks to": because of, not a thank-you
    "Order 10 sensors and get 2 free.",
    "Who needs a data analyst when the machine learning handles it all?",  # rhetorical: a claim
    "Get in touch with our team and cut downtime by 40%.",
]


@pytest.mark.parametrize("text", NON_CLAIMS)
def test_non_claims_are_dropped(text: str) -> None:
    assert claim_reason(text) is not None


@pytest.mark.parametrize("text", CLAIMS)
def test_claims_are_kept(text: str) -> None:
    assert claim_reason(text) is None


def test_sentences_keep_their_block_location() -> None:
    loc = Location(slide=2, shape="TextBox 3")
    block = TextBlock("Dashboards refresh every 5 seconds. Setup takes under an hour! Agenda", loc)
    got = sentences([block])
    assert [s for s, _ in got] == ["Dashboards refresh every 5 seconds.", "Setup takes under an hour!", "Agenda"]
    assert all(b.location == loc for _, b in got)
    assert [c.text for c in claims([block])] == got_texts(got)[:2]


def got_texts(pairs):
    return [s for s, _ in pairs]


def test_spacy_is_imported_without_torch() -> None:
    import subprocess
    import sys

    code = "import sys; from msgcheck.segment import nlp; nlp(); print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize("text", ["Live sales data for every store manager", "What AI means for your analysts"])
def test_headings_without_a_verb_or_asking_are_titles(text: str) -> None:
    assert claim_reason(text, role="title") is not None


def test_a_heading_that_states_a_claim_is_kept() -> None:
    assert claim_reason("Dashboards refresh every 5 seconds", role="title") is None


@pytest.mark.parametrize("text", ["What AI means for your analysts", "Working offline in the stockroom"])
def test_headline_shapes_in_body_text_are_titles(text: str) -> None:
    assert claim_reason(text) is not None


@pytest.mark.parametrize("text", ["Dashboards refreshing every 5 seconds", "The app keeps working offline"])
def test_fragments_with_a_figure_or_a_finite_verb_stay_claims(text: str) -> None:
    assert claim_reason(text) is None
