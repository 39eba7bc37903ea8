"""The public namespace: everything in __all__ is importable from msgcheck, and sorted."""

from __future__ import annotations

import msgcheck


def test_all_is_sorted_and_importable() -> None:
    assert msgcheck.__all__ == sorted(msgcheck.__all__)
    for name in msgcheck.__all__:
        assert getattr(msgcheck, name) is not None, name


def test_library_call_without_the_cli(fake_embedder) -> None:
    from .conftest import PLATFORM, SAMPLE_DECKS

    platform = msgcheck.load_platform(PLATFORM)
    engine = msgcheck.Engine(platform, embedder=fake_embedder)
    report = msgcheck.check([SAMPLE_DECKS / "retail-webinar.pptx"], platform, engine=engine)
    assert isinstance(report, msgcheck.Report)
    (asset,) = report.assets
    assert asset.error is None and asset.claims > 0
    assert {f.kind for f in asset.findings} >= {msgcheck.Kind.BANNED, msgcheck.Kind.TERMINOLOGY}
