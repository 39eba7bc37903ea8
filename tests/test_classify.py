"""Verdict logic with a fake bag-of-words embedder: fast, and enough to exercise every branch."""

from __future__ import annotations

from pathlib import Path

import pytest

from msgcheck.models import Kind, Location, TextBlock
from msgcheck.pipeline import Engine


def _by_hand(platform, fake_embedder, **thresholds: float):
    """A classifier whose scores are the cosines alone (no lexical or figure lift, unless given), its
    wordings' texts, and cosines of 0.1 to every wording, to be set by hand."""
    import numpy as np

    from msgcheck.classify import Classifier, Thresholds

    base = Engine(platform, embedder=fake_embedder).classifier
    clf = Classifier(platform, base.wordings, base.vectors, Thresholds(**{"lexical": 0.0, "figure": 0.0, **thresholds}))
    texts = [w.text for w in clf.wordings]
    return clf, texts, np.full(len(texts), 0.1, dtype=np.float32)


def verdict(engine: Engine, text: str):
    (f,) = engine.judge([text])
    return f


def test_every_semantic_kind(platform, fake_embedder) -> None:
    e = Engine(platform, embedder=fake_embedder)
    assert verdict(e, "Lumen Pulse dashboards refresh every 5 seconds.").kind is Kind.ALIGNED
    drift = verdict(e, "Lumen Pulse dashboards refresh every 30 seconds.")
    assert drift.kind is Kind.DRIFT and drift.message_id == "vp-live-data"
    assert drift.reason == "30 seconds where the platform says 5 seconds"
    assert drift.suggestion == "Lumen Pulse dashboards refresh every 5 seconds."
    retired = verdict(e, "Lumen is free for up to 10 stores.")
    assert retired.kind is Kind.RETIRED and retired.message_id == "ret-free-tier"
    assert "free tier ended" in retired.reason.lower()
    off = verdict(e, "Our mobile kiosks print loyalty coupons for shoppers.")
    assert off.kind is Kind.OFF_MESSAGE and off.message_id is None
    assert verdict(e, "Thank you!") is None


def test_proof_point_reports_parent_id(platform, fake_embedder) -> None:
    e = Engine(platform, embedder=fake_embedder)
    f = verdict(e, "Retailers cut weekly reporting work from 12 hours to 2.")
    assert f.kind is Kind.ALIGNED and f.message_id == "vp-live-data"


def test_missing_required_and_lexical_in_one_asset(platform, fake_embedder) -> None:
    e = Engine(platform, embedder=fake_embedder)
    blocks = [
        TextBlock("Lumen Pulse dashboards refresh every 5 seconds.", Location(slide=1, shape="A")),
        TextBlock("Our world-class LumenPulse team.", Location(slide=2, shape="B")),
        TextBlock("Agenda", Location(slide=2, shape="Title 1"), role="title"),
    ]
    result = e.check_blocks("deck.pptx", "pptx", blocks)
    kinds = sorted(f.kind.value for f in result.findings)
    assert "banned" in kinds and "terminology" in kinds and "aligned" in kinds
    assert "vp-live-data" not in result.missing
    assert set(result.missing) == {"vp-stockouts", "diff-no-sql"}
    assert not any(f.text == "Agenda" for f in result.findings)


def test_identical_claims_are_embedded_once(platform, fake_embedder) -> None:
    e = Engine(platform, embedder=fake_embedder)
    block = TextBlock("Stores reduce stockouts by up to 25%.", Location(slide=1, shape="A"))
    e.check_many([("a", "pptx", [block]), ("b", "pptx", [block, block])])
    claim_calls = [c for c in fake_embedder.calls if len(c) < 20]
    assert sum(len(c) for c in claim_calls) == 1


def test_second_look_at_a_retired_wording_when_every_approved_one_differs(platform, fake_embedder) -> None:
    """A claim halfway between an approved and a retired wording, that contradicts the approved one
    and says what the retired one says, repeats the retired message."""
    import numpy as np

    from msgcheck.classify import Thresholds

    text = "Dashboards refresh each night."
    vectors: dict[str, np.ndarray] = {}
    e = Engine(platform, embedder=fake_embedder, claim_vectors=vectors)
    clf = e.classifier
    texts = [w.text for w in clf.wordings]
    a = clf.vectors[texts.index("Lumen Pulse dashboards refresh every 5 seconds.")]
    r = clf.vectors[texts.index("Lumen dashboards update once a day overnight.")]
    v = (a + r) / np.linalg.norm(a + r)
    vectors[e.embed_text(text)] = v.astype(np.float32)
    f = verdict(e, text)
    assert f.kind is Kind.RETIRED and f.message_id == "ret-daily-refresh"
    assert f.suggestion == "Lumen Pulse dashboards refresh every 5 seconds."
    # … and by the second look alone (the other rules for a retired wording switched off)
    only = Engine(platform, embedder=fake_embedder, claim_vectors=dict(vectors),
                  thresholds=Thresholds(figure=0.0, retired_near=2.0, retired=2.0))
    assert verdict(only, text).kind is Kind.RETIRED
    # without the second look (and the shared-figure bonus, "each night" is "once a day", and the rules
    # for a claim near a retired wording, which "refresh" = "update" in the overlap now brings level),
    # the approved wording's difference makes it drift
    off = Engine(platform, embedder=fake_embedder, claim_vectors=dict(vectors),
                 thresholds=Thresholds(second_look=-1.0, figure=0.0, retired_near=2.0, retired=2.0))
    g = verdict(off, text)
    assert g.kind is Kind.DRIFT and g.message_id == "vp-live-data"


def test_only_the_brand_is_masked_not_other_capitalised_terms() -> None:
    from msgcheck.classify import mask_names, name_masker, own_names
    from msgcheck.platform import load_platform

    root = Path(__file__).resolve().parents[1]
    keel = load_platform(root / "samples" / "eval" / "platforms" / "keel-sentinel.yaml")
    names = own_names(keel)
    assert "Keel Sentinel" in names and "Keel Systems" in names
    assert "IP68" not in names  # a term, but it carries meaning
    assert "Sentinel" in names  # the product's own word, said alone
    assert "Systems" not in names  # the company's "Keel Systems": a word like any other
    assert mask_names("Keel Sentinel sensors are rated IP68.", name_masker(keel)) == "sensors are rated IP68."
    fern = load_platform(root / "samples" / "eval" / "platforms" / "fernway-business.yaml")
    assert "QuickBooks" not in own_names(fern) and "Fernway" in own_names(fern)
    assert "Business" not in own_names(fern)  # "Fernway Business", but the platform says "business account"


def test_a_shared_figure_ties_a_claim_to_its_message(platform, fake_embedder) -> None:
    """Words may differ completely; "around ten minutes" and "in about 10 minutes" are the same figure."""
    from msgcheck.classify import Thresholds

    e = Engine(platform, embedder=fake_embedder)
    clf = e.classifier
    texts = [w.text for w in clf.wordings]
    bonus = clf.same_figure("Our retail customers see about 25% fewer empty shelves.")
    assert bonus[texts.index("Stores using Lumen Pulse reduce stockouts by up to 25%.")] == 1.0
    assert bonus.sum() == 1.0  # no other wording says 25%
    assert clf.same_figure("Two stores, one dashboard.").sum() == 0.0  # a bare 1 or 2 ties nothing
    off = Engine(platform, embedder=fake_embedder, thresholds=Thresholds(figure=0.0)).classifier
    assert off.same_figure("Our retail customers see about 25% fewer empty shelves.").sum() == 0.0


def test_clearly_nearest_a_retired_wording_but_saying_the_opposite_idea_is_not_retired(platform, fake_embedder) -> None:
    """Near a retired wording, another figure still repeats it; the opposite idea does not."""
    import numpy as np

    vectors: dict[str, np.ndarray] = {}
    e = Engine(platform, embedder=fake_embedder, claim_vectors=vectors)
    clf = e.classifier
    r = clf.vectors[[w.text for w in clf.wordings].index("Lumen is free for up to 10 stores.")]
    same_idea, opposite = "Lumen is free for up to 12 stores.", "Lumen is a paid add-on for up to 10 stores."
    for text in (same_idea, opposite):
        vectors[e.embed_text(text)] = r.astype(np.float32)
    assert verdict(e, same_idea).kind is Kind.RETIRED
    assert verdict(e, opposite).kind is Kind.OFF_MESSAGE


def _at_cosine(toward, cosine: float, seed: int):
    """A unit vector at ``cosine`` to ``toward``, the rest in a random direction orthogonal to it."""
    import numpy as np

    other = np.random.default_rng(seed).normal(size=toward.shape)
    other -= (other @ toward) * toward
    other /= np.linalg.norm(other)
    return (cosine * toward + np.sqrt(1 - cosine ** 2) * other).astype(np.float32)


def test_a_claim_clearly_nearest_a_retired_wording_repeats_it_even_when_far_from_all(platform, fake_embedder) -> None:
    """Said in quite other words (cosine 0.5 to the retired wording, well below that to every approved
    one), a claim clearly nearest a retired message repeats it; without the lead rule it is off message."""
    import numpy as np

    from msgcheck.classify import Thresholds

    vectors: dict[str, np.ndarray] = {}
    e = Engine(platform, embedder=fake_embedder, claim_vectors=vectors)
    clf = e.classifier
    texts = [w.text for w in clf.wordings]
    r = clf.vectors[texts.index("Lumen Pulse uses AI to replace your analysts.")]
    v = _at_cosine(r, 0.5, seed=0)
    text = "Let the machine do your analysts' thinking."
    vectors[e.embed_text(text)] = v
    sims = clf.similarities(v[None, :])[0]
    assert sims[texts.index("Lumen Pulse uses AI to replace your analysts.")] > 0.49
    assert max(s for s, w in zip(sims, clf.wordings) if not w.retired) < 0.5 - Thresholds().retired_lead
    f = verdict(e, text)
    assert f.kind is Kind.RETIRED and f.message_id == "ret-ai-insights"
    strict = Engine(platform, embedder=fake_embedder, claim_vectors=dict(vectors), thresholds=Thresholds(retired_lead=1.0))
    assert verdict(strict, text).kind is Kind.OFF_MESSAGE


def test_a_plain_contradiction_below_the_topic_threshold_still_drifts(platform, fake_embedder) -> None:
    """Scored below the 0.55 topic threshold, a claim that denies the nearest wording is about
    it: drift, not off message."""
    import numpy as np

    from msgcheck.classify import Thresholds

    vectors: dict[str, np.ndarray] = {}
    e = Engine(platform, embedder=fake_embedder, claim_vectors=vectors)
    clf = e.classifier
    texts = [w.text for w in clf.wordings]
    a = clf.vectors[texts.index("Lumen Pulse offers a 99.9% uptime service level agreement.")]
    text = "There is no uptime agreement; availability is best effort."
    vectors[e.embed_text(text)] = _at_cosine(a, 0.4, seed=1)
    score = clf.similarities(vectors[e.embed_text(text)][None, :])[0] + clf.t.lexical * clf.overlap(text)
    assert clf.t.contradiction_floor <= score.max() < clf.t.topic
    f = verdict(e, text)
    assert f.kind is Kind.DRIFT and f.message_id == "vp-uptime", (f.kind, f.reason)
    assert "uptime" in f.reason
    strict = Engine(platform, embedder=fake_embedder, claim_vectors=dict(vectors),
                    thresholds=Thresholds(contradiction_floor=1.0))
    assert verdict(strict, text).kind is Kind.OFF_MESSAGE


def test_a_shared_idea_alone_lifts_only_a_wording_already_near(platform, fake_embedder) -> None:
    """"Two months free" shares the idea "free" with the retired "free for up to 10 stores": far from
    it (cosine 0.28) that says nothing, and the claim is off message; at cosine 0.45 the shared idea
    lifts the retired wording and the claim repeats it."""
    import numpy as np

    vectors: dict[str, np.ndarray] = {}
    e = Engine(platform, embedder=fake_embedder, claim_vectors=vectors)
    clf = e.classifier
    r = clf.vectors[[w.text for w in clf.wordings].index("Lumen is free for up to 10 stores.")]
    far, near = "Sign an annual contract and you get two months free.", "Small chains get the tool for free."
    vectors[e.embed_text(far)] = _at_cosine(r, 0.28, seed=1)
    vectors[e.embed_text(near)] = _at_cosine(r, 0.45, seed=2)
    assert clf.similarities(vectors[e.embed_text(far)][None, :]).max() < 0.35
    assert verdict(e, far).kind is Kind.OFF_MESSAGE
    g = verdict(e, near)
    assert g.kind is Kind.RETIRED and g.message_id == "ret-free-tier"
    assert np.isclose(clf.t.idea_floor, 0.35)


def test_token_f1_scores_each_wording_by_its_own_tokens() -> None:
    import numpy as np

    from msgcheck.classify import token_f1

    eye = np.eye(384, dtype=np.float32)
    wordings = [eye[[0, 1, 2]], eye[[3, 4]], eye[[0, 5]]]
    tokens, starts = np.concatenate(wordings), np.array([0, 3, 5])
    f1 = token_f1(eye[[0, 1, 2]], tokens, starts)
    assert np.allclose(f1, [1.0, 0.0, 0.4])  # the same tokens; none in common; one shared (P 1/3, R 1/2)
    assert np.allclose(token_f1(eye[[3]], tokens, starts), [0.0, 2 * 1 * 0.5 / 1.5, 0.0])


def test_cosines_are_reported_and_the_token_alignment_is_weighed_beside_them(platform, fake_embedder) -> None:
    import numpy as np

    from msgcheck.classify import Classifier, Thresholds, token_f1

    e = Engine(platform, embedder=fake_embedder)
    base = e.classifier
    rng = np.random.default_rng(0)
    wt = [rng.normal(size=(3, 384)).astype(np.float32) for _ in base.wordings]
    wt = [w / np.linalg.norm(w, axis=1, keepdims=True) for w in wt]
    clf = Classifier(platform, base.wordings, base.vectors, Thresholds(token_weight=0.4), tokens=wt)
    claim = base.vectors[:2]
    ct = wt[0][:2]
    cos = clf.similarities(claim)
    assert np.allclose(cos, claim @ base.vectors.T)  # what a finding reports: the cosine
    got = clf.alignments([ct, None])
    assert np.allclose(got[0], token_f1(ct, *clf.tokens)) and got[1] is None  # no tokens: no alignment
    assert Classifier(platform, base.wordings, base.vectors).alignments([ct]) == [None]  # no wording tokens
    # the verdict weighs 0.6 × cosine + 0.4 × alignment, and reports the cosine: the wording that
    # only the alignment makes nearest wins, with its cosine as the similarity
    text = "Figures on screen keep up with the tills."  # no word in common: no lexical lift
    k = next(i for i, w in enumerate(base.wordings) if w.text == "Lumen Pulse dashboards refresh every 5 seconds.")
    flat = np.full(len(base.wordings), 0.5, dtype=np.float32)
    flat[k] = 0.45
    align = np.zeros(len(base.wordings), dtype=np.float32)
    align[k] = 1.0
    v = clf.judge(text, flat, align)
    assert v.wording is not None and v.wording.text == base.wordings[k].text and np.isclose(v.similarity, 0.45)
    assert clf.judge(text, flat).kind is Kind.OFF_MESSAGE  # the cosine alone: near nothing


class _TokenFake:
    """The fake embedder, with one token vector per word."""

    fingerprint = "fake:tokens"

    def __init__(self, inner) -> None:
        self.inner = inner
        self.calls: list[list[str]] = []

    def encode(self, texts):
        return self.inner.encode(texts)

    def encode_tokens(self, texts):
        import re

        self.calls.append(list(texts))
        words = [re.findall(r"[a-z0-9]+", t.lower()) or ["x"] for t in texts]
        return self.inner.encode(texts), [self.inner.encode(w) for w in words]


def test_engine_embeds_claims_with_their_tokens_and_again_when_only_the_vector_was_cached(
        platform, fake_embedder, tmp_path: Path) -> None:
    from msgcheck.embed import VectorCache

    emb = _TokenFake(fake_embedder)
    cached = {"Dashboards refresh every 5 seconds.": fake_embedder.encode(["Dashboards refresh every 5 seconds."])[0]}
    e = Engine(platform, embedder=emb, claim_vectors=cached, vector_cache=VectorCache(tmp_path))
    assert e.classifier.tokens is not None
    (f,) = e.judge(["Dashboards refresh every 5 seconds."])
    assert f.kind is Kind.ALIGNED
    assert emb.calls[-1] == ["Dashboards refresh every 5 seconds."]  # its tokens were not cached
    assert "Dashboards refresh every 5 seconds." in e.claim_tokens
    # the wordings' vectors and tokens come from the cache the second time
    again = _TokenFake(fake_embedder)
    e2 = Engine(platform, embedder=again, vector_cache=VectorCache(tmp_path))
    assert e2.classifier.tokens is not None and again.calls == []


def test_words_of_the_same_meaning_count_as_one_in_the_overlap() -> None:
    from msgcheck.classify import content_words

    shared = content_words("Apply and get a yes on the spot.") & content_words("Fernway approves every business instantly.")
    assert shared == content_words("approve instantly") and len(shared) == 2
    assert content_words("predict failure") <= content_words("Whatever is about to break, Sentinel sees it coming.")
    assert content_words("store") == content_words("locations") == content_words("a site")
    assert content_words("battery free withdraw supplier") <= content_words(
        "The cell is replaced free of charge; take money out any time; pay vendors.")


def test_the_overlap_stems_word_forms_alike() -> None:
    from msgcheck.classify import content_words

    assert content_words("No cabling: it clamps on magnetically, even in a freezer.") >= \
        content_words("cables magnet freezing")
    assert content_words("applications") == content_words("application")


def test_nearest_a_retired_wording_by_less_than_the_lead_repeats_it_when_nothing_differs(platform, fake_embedder) -> None:
    """Nearest a retired wording (at least 0.40) but less than the lead ahead of the best approved
    one: the claim repeats it when it says nothing else than the retired wording while the approved
    one differs in fact ("once a day" against "every 5 seconds"). Scores here are the cosines alone
    (no lexical or figure lift), set by hand."""
    clf, texts, cos = _by_hand(platform, fake_embedder)
    r = texts.index("Lumen dashboards update once a day overnight.")
    a = texts.index("Lumen Pulse dashboards refresh every 5 seconds.")
    cos[r], cos[a] = 0.50, 0.45  # retired nearest, 0.05 ahead: less than the 0.08 lead
    v = clf.judge("The numbers update once a day.", cos)
    assert v.kind is Kind.RETIRED and v.wording is not None and v.wording.message_id == "ret-daily-refresh"
    cos[a] = 0.52  # the approved wording nearest: no longer a repeat of the retired one
    assert clf.judge("The numbers update once a day.", cos).kind is not Kind.RETIRED


def test_parties_swapped_against_the_nearest_wording_are_not_cleared_by_a_farther_one(platform, fake_embedder) -> None:
    """The nearest wording of a message has the claim's parties swapped; a farther wording of the same
    message says nothing of who does what: the claim is drift from the nearest, not aligned with the
    farther. Cosines set by hand (no lexical or figure lift)."""
    clf, texts, cos = _by_hand(platform, fake_embedder)
    near = texts.index("Low-stock alerts reach the store team before the shelf is empty.")
    far = texts.index("Stores using Lumen Pulse reduce stockouts by up to 25%.")
    claim = "Store managers alert our team to low stock before the shelf is empty."
    cos[near], cos[far] = 0.80, 0.75
    v = clf.judge(claim, cos)
    assert v.kind is Kind.DRIFT and v.wording is not None and v.wording.text == texts[near]
    assert [d.kind for d in v.differences] == ["roles"]
    cos[near], cos[far] = 0.70, 0.75  # the wording mute on who is nearest: aligned with it
    assert clf.judge(claim, cos).kind is Kind.ALIGNED


def test_a_word_another_wording_of_the_message_says_is_no_drift(fake_embedder) -> None:
    """'adds only' against the variant that lacks it, while the statement says 'only': the platform
    says it, so it is no stronger or narrower promise than the message makes."""
    from msgcheck.platform import load_platform

    platform = load_platform("samples/eval/platforms/keel-sentinel.yaml")
    clf, texts, cos = _by_hand(platform, fake_embedder)
    variant = texts.index("The sensor does the analysis on board and sends alerts, not raw waveforms.")
    claim = "The number-crunching happens on the device, so your network only carries alerts, not raw waveform data."
    cos[variant] = 0.80
    v = clf.judge(claim, cos)
    assert v.kind is Kind.ALIGNED and v.wording is not None and v.wording.text == texts[variant]
    # a word no wording of the message says still differs
    assert clf.judge(claim.replace("only carries alerts", "carries alerts instantly"), cos).kind is Kind.DRIFT


def test_saying_more_than_one_wording_and_contradicting_another_of_its_message(fake_embedder) -> None:
    """Nearest the statement, the claim adds a figure it does not state (neither aligned nor drift from
    it); it contradicts the message's proof point, farther off: drift from the proof point."""
    from msgcheck.platform import load_platform

    platform = load_platform("samples/eval/platforms/fernway-business.yaml")
    clf, texts, cos = _by_hand(platform, fake_embedder)
    statement = texts.index("Earn up to 3.2% APY on money in your Fernway savings pot.")
    proof = texts.index("Interest is paid monthly and you can withdraw at any time.")
    cos[statement], cos[proof] = 0.70, 0.45
    v = clf.judge("Money you move into the savings pot is locked in for 90 days.", cos)
    assert v.kind is Kind.DRIFT and v.wording is not None and v.wording.text == texts[proof]
    # nothing contradicted: it only says more, so it is off the platform
    assert clf.judge("Money you move into the savings pot earns interest for 90 days.", cos).kind is Kind.OFF_MESSAGE


def test_the_same_pricing_basis_ties_a_claim_to_its_message_however_far_the_words(platform, fake_embedder) -> None:
    """'by location, not by seat' is 'per store, not per user': the wording is lifted (by the figure
    weight) even when the similarity is below the floor other shared ideas need."""
    import numpy as np

    clf, texts, cos = _by_hand(platform, fake_embedder, figure=0.3)  # the figure weight lifts
    pricing = texts.index("Lumen Pulse is priced per store, not per user, so the whole team can use it.")
    cos[pricing] = 0.30
    lifted = clf.same_figure("You pay by location, not by seat, so bring everyone on the floor into it.", cos)
    assert lifted[pricing] == 1.0
    assert {clf.wordings[i].message_id for i in np.flatnonzero(lifted)} == {"diff-pricing"}
    # priced per what the wording denies ("a paid seat for every person"): about that wording too
    assert clf.same_figure("Every person who logs in needs their own paid seat.", cos)[pricing] == 1.0
    # priced per the same thing, but not said what it is not priced per: the floor still applies
    assert clf.same_figure("You pay by location.", cos)[pricing] == 0.0
    v = clf.judge("You pay by location, not by seat, so bring everyone on the floor into it.", cos)
    assert v.kind is Kind.ALIGNED and v.wording is not None and v.wording.message_id == "diff-pricing"


def test_washdowns_dust_and_cold_said_in_other_words_count_as_one() -> None:
    from msgcheck.classify import content_words

    assert content_words("washdowns dust freezing") <= content_words(
        "Hosed-down lines, dusty floors, sub-zero freezers: these units handle all of it.")
    assert content_words("Hose it down and leave it in a cold room.") >= content_words("washdown freezing")


def test_recalculated_is_updated_and_on_us_is_free() -> None:
    from msgcheck.classify import content_words

    assert content_words("Your numbers are recalculated overnight.") >= content_words("update overnight")
    assert "free" in content_words("Accounts that size are on us.")


def test_a_retired_obligation_is_repeated_only_by_a_claim_that_obliges(fake_embedder) -> None:
    """'Keel gateways must be wired … by Ethernet' (retired) is repeated by 'each gateway needs a
    cable', not by 'gateways can be powered over Ethernet' or 'you don't need a mains outlet'."""
    from msgcheck.platform import load_platform

    platform = load_platform("samples/eval/platforms/keel-sentinel.yaml")
    clf, texts, cos = _by_hand(platform, fake_embedder)
    cos[texts.index("Keel gateways must be wired to the plant network by Ethernet.")] = 0.65
    assert clf.judge("Each gateway needs an Ethernet cable to your plant network.", cos).kind is Kind.RETIRED
    assert clf.judge("Gateways can be powered over Ethernet.", cos).kind is not Kind.RETIRED
    assert clf.judge("Gateways run on solar power, so you don't need a mains outlet nearby.", cos).kind is not Kind.RETIRED


def test_a_retired_denial_is_repeated_only_by_a_claim_that_denies_or_promises_for_good(fake_embedder) -> None:
    """'Keel sensors never need a new battery' (retired) is repeated by 'no battery changes, ever' or
    'the battery outlasts the sensor', not by a claim that only mentions the battery."""
    from msgcheck.platform import load_platform

    platform = load_platform("samples/eval/platforms/keel-sentinel.yaml")
    clf, texts, cos = _by_hand(platform, fake_embedder)
    cos[texts.index("Keel sensors never need a new battery.")] = 0.65
    assert clf.judge("Battery changes? Not with Keel.", cos).kind is Kind.RETIRED
    assert clf.judge("Fit it once: the battery outlasts the sensor.", cos).kind is Kind.RETIRED
    assert clf.judge("Spent batteries are recycled through our take-back program.", cos).kind is not Kind.RETIRED


def test_a_part_of_the_offer_another_message_names_narrows_a_plain_subject(fake_embedder) -> None:
    """'Deposits are FDIC insured': said of 'money in your savings pot' (a part the yield message
    names), it is said of that part only; 'your deposits' and a renamed subject are not narrowed."""
    from msgcheck.platform import load_platform

    platform = load_platform("samples/eval/platforms/fernway-business.yaml")
    clf, texts, cos = _by_hand(platform, fake_embedder)
    cos[texts.index("Deposits are FDIC insured up to $250,000 through our partner bank.")] = 0.8
    v = clf.judge("Money in your savings pot is FDIC insured up to $250,000 through our partner bank.", cos)
    assert v.kind is Kind.DRIFT and "savings pot" in v.reason
    assert clf.judge("Your deposits are FDIC insured up to $250,000 through our partner bank.", cos).kind is Kind.ALIGNED


def test_a_retired_promise_of_foresight_is_repeated_only_by_a_claim_of_foresight(fake_embedder) -> None:
    """'Predicts every machine failure before it happens' (retired) is repeated by 'sees every breakdown
    coming', not by 'shows a live health score for every machine'."""
    from msgcheck.platform import load_platform

    platform = load_platform("samples/eval/platforms/keel-sentinel.yaml")
    clf, texts, cos = _by_hand(platform, fake_embedder)
    cos[texts.index("Keel Sentinel predicts every machine failure before it happens.")] = 0.65
    assert clf.judge("Sentinel sees every breakdown coming, whatever the cause.", cos).kind is Kind.RETIRED
    assert clf.judge("There is no machine failure that Keel Sentinel won't see coming.", cos).kind is Kind.RETIRED
    assert clf.judge("The mobile app shows a live health score for every machine on the floor.", cos).kind is not Kind.RETIRED


def test_a_retired_wording_is_repeated_only_by_a_claim_about_its_subject(fake_embedder) -> None:
    """'International transfers are free' (retired) is not repeated by 'free mobile check deposit', which
    shares only the price with it; 'sending money abroad costs nothing' does repeat it."""
    from msgcheck.platform import load_platform

    platform = load_platform("samples/eval/platforms/fernway-business.yaml")
    clf, texts, cos = _by_hand(platform, fake_embedder)
    cos[texts.index("International transfers with Fernway are free.")] = 0.65
    assert clf.judge("Overseas transfers cost nothing with Fernway.", cos).kind is Kind.RETIRED
    assert clf.judge("Fernway accounts include free mobile check deposit.", cos).kind is not Kind.RETIRED


def test_a_banned_superlative_is_reported_once_not_as_a_drift_too(fake_embedder) -> None:
    """'Risk-free' is a banned phrase of the platform (the lexical check reports it): beside a claim
    that says what the message says it is no drift; 'zero downtime' beside 'cut downtime by up to
    40%' speaks of the wording's subject and still is."""
    from msgcheck.platform import load_platform

    fern = load_platform("samples/eval/platforms/fernway-business.yaml")
    clf, texts, cos = _by_hand(fern, fake_embedder)
    cos[texts.index("Deposits are FDIC insured up to $250,000 through our partner bank.")] = 0.8
    v = clf.judge("Risk-free: every deposit up to $250,000 is FDIC insured through our partner bank.", cos)
    assert v.kind is Kind.ALIGNED
    assert clf.judge("Guaranteed: deposits are FDIC insured up to $250,000 through our partner bank.", cos).kind is Kind.DRIFT
    keel = load_platform("samples/eval/platforms/keel-sentinel.yaml")
    clf, texts, cos = _by_hand(keel, fake_embedder)
    cos[texts.index("Plants using Keel Sentinel cut unplanned downtime by up to 40%.")] = 0.8
    assert clf.judge("Plants using Keel Sentinel get zero downtime.", cos).kind is Kind.DRIFT


def test_an_end_promised_to_what_the_wording_cuts_is_drift_from_it(fake_embedder) -> None:
    """'Zero downtime, guaranteed' is far from 'cut unplanned downtime by up to 40%' in cosine, but
    promises an end to the very thing the wording cuts: drift from it, not a claim about nothing."""
    from msgcheck.platform import load_platform

    platform = load_platform("samples/eval/platforms/keel-sentinel.yaml")
    clf, texts, cos = _by_hand(platform, fake_embedder, figure=0.3)
    statement = texts.index("Plants using Keel Sentinel cut unplanned downtime by up to 40%.")
    cos[statement] = 0.33
    bonus = clf.same_figure("Zero downtime, guaranteed, once Keel Sentinel is on your line.", cos)
    assert bonus[statement] == 1.0
    v = clf.judge("Zero downtime, guaranteed, once Keel Sentinel is on your line.", cos)
    assert v.kind is Kind.DRIFT and v.wording is not None and v.wording.message_id == "vp-downtime"
    assert clf.judge("Keel Sentinel is watching your line.", cos).kind is Kind.OFF_MESSAGE


def test_a_retired_wording_is_not_repeated_by_sharing_only_its_subject(platform, fake_embedder) -> None:
    """'Lumen dashboards update once a day overnight' (retired): 'dashboards emailed as a PDF every
    Monday morning' shares only the dashboards; 'fresh numbers each night' shares the night."""
    clf, texts, cos = _by_hand(platform, fake_embedder)
    cos[texts.index("Lumen dashboards update once a day overnight.")] = 0.65
    assert clf.judge("Dashboards can be emailed as a PDF to regional managers every Monday morning.", cos).kind \
        is not Kind.RETIRED
    assert clf.judge("Your dashboards pick up fresh numbers each night, ready when you open.", cos).kind is Kind.RETIRED


def test_the_same_figure_as_a_multiplier_ties_the_claim_to_the_percentage(platform, fake_embedder) -> None:
    """'a 25-fold cut' is the '25%' of the stockouts message said wrong (percent for multiplier): the
    same number ties it to that wording."""
    clf = Engine(platform, embedder=fake_embedder).classifier
    texts = [w.text for w in clf.wordings]
    bonus = clf.same_figure("Customers report up to a 25-fold reduction in empty shelves.")
    assert bonus[texts.index("Stores using Lumen Pulse reduce stockouts by up to 25%.")] == 1.0
    assert clf.same_figure("Customers report up to a 26-fold reduction in empty shelves.").sum() == 0.0


def test_a_retired_wording_about_when_is_repeated_only_by_a_claim_that_says_when(platform, fake_embedder) -> None:
    clf, texts, cos = _by_hand(platform, fake_embedder)
    cos[texts.index("Lumen dashboards update once a day overnight.")] = 0.65
    assert clf.judge("Your numbers are recalculated overnight.", cos).kind is Kind.RETIRED
    assert clf.judge("Lumen Pulse never goes down, so your dashboards are there whenever you need them.",
                     cos).kind is not Kind.RETIRED


def test_an_opposite_idea_to_another_wording_of_the_message_is_drift(fake_embedder) -> None:
    """Near the statement (mute on withdrawals), the claim says the money is locked in, the opposite
    of the message's proof point ('withdraw at any time'): drift from the proof point."""
    from msgcheck.platform import load_platform

    platform = load_platform("samples/eval/platforms/fernway-business.yaml")
    clf, texts, cos = _by_hand(platform, fake_embedder)
    statement = texts.index("Earn up to 3.2% APY on money in your Fernway savings pot.")
    proof = texts.index("Interest is paid monthly and you can withdraw at any time.")
    cos[statement], cos[proof] = 0.75, 0.50
    v = clf.judge("Money in the savings pot stays locked until the term ends.", cos)
    assert v.kind is Kind.DRIFT and v.wording is not None and v.wording.text == texts[proof]
    assert clf.judge("Money in your savings pot earns interest.", cos).kind is Kind.ALIGNED


@pytest.mark.parametrize(
    "claim, wording",
    [
        ("Wi-Fi dropped in the stockroom? The app carries on and catches up once you're reconnected.",
         "The mobile app keeps working offline and syncs when the store is back online."),
        ("A magnetic base means there's nothing to cable and no sparky to book.",
         "Sensors attach with a magnet and need no cables or electrician."),
        ("Shop-floor leads put together their own views, no query language needed.",
         "Store managers build their own reports without SQL."),
        ("Hose-downs, grit and sub-zero cold rooms won't knock them out.",
         "The sensors survive washdowns, dust and freezing cold stores."),
        ("Customer figures are scrambled while they're stored and on the wire.",
         "Your sales data is encrypted at rest and in transit."),
    ],
)
def test_one_meaning_in_other_words_counts_as_shared(claim: str, wording: str) -> None:
    from msgcheck.classify import content_words

    shared = content_words(claim) & content_words(wording)
    assert len(shared) >= 2, shared


def test_a_promise_that_it_never_fails_is_drift_from_the_uptime_wording_however_far(platform, fake_embedder) -> None:
    """'Always up. Zero outages, ever.' shares few words with '99.9% uptime': below the topic threshold
    it is still a drift from that wording (a stronger promise), not a new claim; too far (below the
    floor) it is off-message. Cosines set by hand (no lexical or figure lift)."""
    clf, texts, cos = _by_hand(platform, fake_embedder)
    sla = texts.index("Lumen Pulse offers a 99.9% uptime service level agreement.")
    cos[sla] = 0.30
    for claim in ("Lumen Pulse is always up. Zero outages, ever.", "It is up 100% of the time.",
                  "You'll never lose a single minute to downtime."):
        v = clf.judge(claim, cos)
        assert v.kind is Kind.DRIFT and v.wording is not None and v.wording.text == texts[sla], claim
        assert [d.kind for d in v.differences] == ["absolute"] and "99.9%" in v.reason
    assert clf.judge("Lumen Pulse runs in the cloud.", cos).kind is Kind.OFF_MESSAGE  # no such promise
    cos[sla] = 0.15
    assert clf.judge("Lumen Pulse is always up.", cos).kind is Kind.OFF_MESSAGE


def test_a_heads_up_is_an_alert_in_the_overlap() -> None:
    from msgcheck.classify import content_words

    assert "alert" in content_words("Your staff get a heads-up that something's running low.")
    assert "alert" in content_words("We notify the team.") and "alert" in content_words("Warnings go out.")


def test_surviving_is_keeping_going_in_the_overlap() -> None:
    from msgcheck.classify import content_words

    shared = content_words("Hose it down, cover it in dust: it keeps on going.") & content_words(
        "The sensors survive washdowns, dust and freezing cold stores.")
    assert {"keepwork", "washdown", "dust"} <= shared


def test_parties_swapped_against_the_nearest_wording_are_not_cleared_by_the_positioning(fake_embedder) -> None:
    """The positioning sums up every message and says little of who does what: a claim whose parties
    are swapped against its nearest wording stays a drift from it, though a clause of the positioning
    that is mute on who does it is nearly as near. Cosines set by hand (no lexical or figure lift)."""
    from msgcheck.platform import load_platform

    keel = load_platform(Path(__file__).resolve().parents[1] / "samples/eval/platforms/keel-sentinel.yaml")
    clf, texts, cos = _by_hand(keel, fake_embedder)
    near = texts.index("Alerts arrive on average 3 weeks before a bearing fails.")
    pos = texts.index("warns maintenance teams weeks before a machine fails")
    claim = "Keel's reliability engineers phone your maintenance team, on average three weeks before a bearing fails."
    cos[near], cos[pos] = 0.80, 0.78
    v = clf.judge(claim, cos)
    assert v.kind is Kind.DRIFT and v.wording is not None and v.wording.text == texts[near]
    assert [d.kind for d in v.differences] == ["roles"]


def test_a_denied_cut_is_drift_from_the_wording_that_promises_it_however_far(platform, fake_embedder) -> None:
    clf, texts, cos = _by_hand(platform, fake_embedder)
    cut = texts.index("Stores using Lumen Pulse reduce stockouts by up to 25%.")
    cos[cut] = 0.25
    v = clf.judge("Pulse won't do anything to cut down how often products run out on the shelf.", cos)
    assert v.kind is Kind.DRIFT and v.wording is not None and v.wording.text == texts[cut]
    assert [d.kind for d in v.differences] == ["negation"]
