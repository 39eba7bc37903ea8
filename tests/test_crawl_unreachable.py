"""A site that cannot be reached is an error, never an empty 'all clear'."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from click.testing import CliRunner

from msgcheck.cli import main

from .conftest import PLATFORM


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_site_exits_2_with_an_error_asset(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/"
    r = CliRunner().invoke(main, ["crawl", url, "--platform", str(PLATFORM), "--format", "json",
                                  "--history", str(tmp_path / "h.sqlite"), "--timeout", "2"])
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    (asset,) = data["assets"]
    assert asset["source"] == url and asset["error"].startswith("nothing could be crawled")
    assert "\n" not in asset["error"]
