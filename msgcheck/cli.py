"""The command line: a thin layer over the library.

Exit status (contract §2): 0 when no finding reaches --fail-on; 1 when one does; 2 when the
command could not do its job (bad arguments, unreadable platform file, no input could be read).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any, Callable

import click

from . import __version__
from .errors import MsgcheckError
from .models import Report, Severity

FORMATS = ["text", "json", "markdown", "html", "sarif", "junit"]


def report_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--format / --output / --fail-on, shared by every command that writes a report."""
    f = click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
                     show_default=True, help="Exit 1 when a finding reaches this severity.")(f)
    f = click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
                     callback=_output_folder_exists,
                     help="Write the report to this file instead of standard output.")(f)
    f = click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                     help="Report format.")(f)
    return f


def _output_folder_exists(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse an --output in a missing folder before any work is done."""
    if value and not Path(value).resolve().parent.is_dir():
        raise click.BadParameter(f"the folder of {value} does not exist", ctx=ctx, param=param)
    return value


def backend_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--backend", type=str, default="auto",
                        show_default=True, envvar="MSGCHECK_BACKEND",
                        help="Embedding backend: auto (onnx, else torch), onnx (fast), openvino (optional extra) or torch (reference).")(f)


def fail(message: str, code: int = 2) -> None:
    click.echo(f"msgcheck: error: {message}", err=True)
    sys.exit(code)


def user_errors(f: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one line on stderr and exit 2: no tracebacks for user errors."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except MsgcheckError as exc:
            fail(exc.one_line())
        except KeyboardInterrupt:
            fail("interrupted", 130)

    return wrapper


def exit_code(report: Report, fail_on: str) -> int:
    if report.assets and all(a.error for a in report.assets):
        return 2
    if fail_on == "never":
        return 0
    worst = report.worst_severity()
    threshold = Severity(fail_on)
    return 1 if worst is not None and worst.rank >= threshold.rank else 0


def emit(report: Report, fmt: str, output: str | None, fail_on: str) -> None:
    """Write the report where asked and exit with the contract's status."""
    from .reporters import render

    if output:
        text = render(report, fmt, color=False)
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror}")
    else:
        color = fmt == "text" and sys.stdout.isatty()
        click.echo(render(report, fmt, color=color), nl=False)
    code = exit_code(report, fail_on)
    if code == 2:
        click.echo("msgcheck: error: no input could be read", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="msgcheck")
def main() -> None:
    """Check sales decks and the website against the messaging platform."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--platform", "-p", "platform_file", required=True, type=click.Path(),
              help="The messaging platform YAML.")
@click.option("--annotate", "annotate_to", type=click.Path(dir_okay=False), default=None,
              help="Write a review copy of the deck here: findings in the speaker notes, error shapes outlined.")
@report_options
@backend_option
@user_errors
def check(paths: tuple[str, ...], platform_file: str, fmt: str, output: str | None, fail_on: str,
          backend: str, annotate_to: str | None) -> None:
    """Check decks (.pptx files, or folders searched for them) against the platform."""
    from .errors import UsageError
    from .pipeline import check as run_check, find_decks
    from .platform import load_platform

    if annotate_to and len(find_decks(list(paths))) != 1:
        raise UsageError("--annotate takes exactly one deck", hint="check one .pptx file at a time with --annotate")
    platform = load_platform(platform_file)
    report = run_check(list(paths), platform, backend=backend)
    if annotate_to:
        from .annotate import annotate

        asset = report.assets[0]
        if asset.error is None:
            annotate(Path(asset.source), asset.findings, Path(annotate_to))
            click.echo(f"msgcheck: review copy written to {annotate_to}", err=True)
        else:
            click.echo(f"msgcheck: no review copy written: {asset.source} could not be read", err=True)
    emit(report, fmt, output, fail_on)


@main.command()
@click.argument("file", type=click.Path())
@user_errors
def validate(file: str) -> None:
    """Validate a platform file: exit 0 when it is valid, 2 with the problem when not."""
    from .platform import load_platform

    p = load_platform(file)
    approved = len(p.approved)
    retired = len(p.messages) - approved
    click.echo(f"{file}: valid — {approved} approved messages, {retired} retired, "
               f"{len(p.terminology)} terms, {len(p.banned)} banned phrases, "
               f"{len(p.required_ids)} required")


@main.command("eval")
@click.argument("dataset", type=click.Path())
@click.option("--platform", "-p", "platforms", multiple=True, type=click.Path(),
              help="Only the cases labelled against this platform file (repeatable); "
                   "also the platform of rows that name none.")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="all", show_default=True,
              help="Which half of the labelled set to score.")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the figures to this file instead of standard output.")
@click.option("--min-f1", type=click.FloatRange(0, 1), default=None,
              help="Exit 1 when any verdict kind's F1 is below this.")
@backend_option
@user_errors
def eval_cmd(dataset: str, platforms: tuple[str, ...], split: str, fmt: str, output: str | None,
             min_f1: float | None, backend: str) -> None:
    """Score msgcheck's verdicts on a labelled set: per-kind precision, recall, F1, confusion, errors."""
    from . import evaluate

    default = platforms[0] if len(platforms) == 1 else None
    cases = evaluate.select(evaluate.load_dataset(dataset, default_platform=default), split, platforms)
    result = evaluate.evaluate(cases, backend=backend, dataset=dataset, split=split)
    text = evaluate.render(result, fmt)
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror}")
    else:
        click.echo(text, nl=False)
    low = [k for k, s in result.per_kind().items() if s.support and min_f1 is not None and s.f1 < min_f1]
    if low:
        click.echo(f"msgcheck: F1 below {min_f1} for: {', '.join(low)}", err=True)
        sys.exit(1)


# The website commands live in crawl_cli.py (crawl, history, demo); registered here, last, because
# they import the shared options above.
from .crawl_cli import COMMANDS as _CRAWL_COMMANDS  # noqa: E402

for _command in _CRAWL_COMMANDS:
    main.add_command(_command)

from .model_cli import model as _model_group  # noqa: E402  (msgcheck model build / info)

main.add_command(_model_group)
