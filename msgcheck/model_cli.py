"""``msgcheck model build`` and ``msgcheck model info``: the fast embedding model on this machine.

Registered on the click group in ``cli.py`` (``main.add_command(model)``).
"""

from __future__ import annotations

import json
import sys

import click

from .backends.fast import RECIPES
from .cli import user_errors


@click.group()
def model() -> None:
    """Build and inspect the fast embedding model (onnxruntime)."""


@model.command()
@click.option("--force", is_flag=True, help="Rebuild even when a verified model is cached.")
@click.option("--recipe", type=click.Choice(list(RECIPES)), default=None,
              help="How the exported model is quantised (default: $MSGCHECK_FAST_RECIPE or fp32).")
@user_errors
def build(force: bool, recipe: str | None) -> None:
    """Build the fast model from the shipped weights, verify it against torch, and cache it.

    Needs the torch extra (pip install 'msgcheck[torch]'); takes about 30 s, once.
    """
    from .backends.fast import build_fast_model, read_manifest

    folder = build_fast_model(progress=lambda line: click.echo(line, err=True), force=force, recipe=recipe)
    _echo_manifest(folder, read_manifest(folder))


@model.command()
@click.option("--recipe", type=click.Choice(list(RECIPES)), default=None,
              help="Which build to describe (default: $MSGCHECK_FAST_RECIPE or fp32).")
@click.option("--json", "as_json", is_flag=True, help="Print the manifest as JSON.")
@user_errors
def info(recipe: str | None, as_json: bool) -> None:
    """Show where the fast model is, how it was built and how closely it matches torch."""
    from .backends.fast import (
        CorruptModelError,
        OnnxEmbedder,
        failed_marker,
        find_compatible,
        model_dir,
        read_manifest,
    )

    folder = model_dir(recipe)
    if not (folder / "manifest.json").exists():
        folder = find_compatible(recipe) or folder
    if not (folder / "manifest.json").exists():
        marker = failed_marker(folder)
        if marker.exists():
            click.echo(f"not usable: the last build failed verification ({marker})")
            click.echo(marker.read_text(encoding="utf-8") if as_json else "")
            sys.exit(1)
        click.echo(f"not built (would be {folder}); run `msgcheck model build`")
        sys.exit(1)
    manifest = read_manifest(folder)
    if as_json:
        click.echo(json.dumps({"path": str(folder), **manifest}, indent=2))
    else:
        _echo_manifest(folder, manifest)
    try:
        OnnxEmbedder(folder)
    except CorruptModelError as exc:
        click.echo(f"status: damaged: {exc.one_line()}")
        sys.exit(1)
    if not as_json:
        click.echo("status: ok")


def _echo_manifest(folder: object, manifest: dict) -> None:
    figures = manifest.get("verification", {})
    versions = ", ".join(f"{k} {v}" for k, v in manifest.get("versions", {}).items())
    click.echo(f"path: {folder}")
    click.echo(f"recipe: {manifest.get('recipe')}  size: {manifest.get('model_bytes', 0) / 2**20:.1f} MiB  "
               f"built: {manifest.get('built')} in {manifest.get('build_seconds')} s")
    click.echo(f"verified on {figures.get('sentences')} sentences against sentence-transformers: "
               f"mean cosine {figures.get('mean_cosine')}, min {figures.get('min_cosine')} "
               f"({figures.get('worst_sentence')!r}), batch stability {figures.get('batch_min_cosine')}")
    click.echo(f"versions: {versions}")
