"""The ``fzzf`` command line: the Typer app with every command registered, and ``main``,
which keeps tracebacks away from users: usage errors exit 2, fzzf's own bugs exit 3."""

import errno
import os
import sys
from typing import Annotated

import typer

from fzzf_cli import __version__
from fzzf_cli.cli.app import PipeClosed, app
from fzzf_cli.errors import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from fzzf_cli.present.safe import CommandSafe
from fzzf_cli.text import msg

__all__ = ["app", "main"]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"fzzf {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback(help=msg("help_app"))
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=msg("help_version"))
    ] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", metavar="zh|en", help=msg("help_lang"))
    ] = None,
) -> None:
    """The options before any command; ``--lang`` was applied by launch.py before import."""


def _safe_streams() -> None:
    """A console that cannot show a character (GBK on Chinese Windows) gets a replacement
    character instead of a UnicodeEncodeError; no line printed can be a workflow command."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    sys.stdout = CommandSafe(sys.stdout)
    sys.stderr = CommandSafe(sys.stderr)


def main() -> None:
    """Run the app: usage errors exit 2, an interrupt 130, a closed pipe 0, output that
    cannot be written 2, our own bugs 3 — each with one line, never a traceback (a bug's
    traceback goes to a log file that the line names)."""
    _safe_streams()
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
    except KeyboardInterrupt:
        sys.stderr.write(msg("interrupted") + "\n")
        sys.exit(130)
    except SystemExit:
        raise
    except (BrokenPipeError, PipeClosed):
        _quiet_stdout()
        sys.exit(0)  # the reader (``| head``) has all it wanted
    except OSError as error:
        if error.errno not in (errno.ENOSPC, errno.EIO, errno.EBADF):
            _crashed(error)
        _quiet_stdout()
        sys.stderr.write(msg("output_failed", reason=error.strerror or error) + "\n")
        sys.exit(EXIT_USAGE)
    except Exception as error:
        _crashed(error)


def _quiet_stdout() -> None:
    """Point stdout at nothing, so that Python's own flush at exit cannot complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())  # type: ignore[union-attr]
    except (OSError, AttributeError, ValueError):
        pass
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives until exit


def _crashed(error: BaseException) -> None:
    """fzzf's own bug: one line on stderr, the traceback in a log file it names."""
    import traceback

    from fzzf_cli.cli.crashlog import write_log

    log = write_log("".join(traceback.format_exception(error)), os.environ)
    kind = type(error).__name__
    sys.stderr.write(msg("internal_error", version=__version__, kind=kind) + "\n")
    if log is not None:
        sys.stderr.write(msg("internal_error_log", path=log) + "\n")
    sys.exit(EXIT_INTERNAL)
