"""The Typer application and what every command shares: options, the data folder, the
as-of date, terminal width, and turning fzzf's own errors into exit codes.

Together with ``commands/`` and ``cli.py`` this is the only code that reads argv, the
environment and the clock.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core

from fzzf_cli.cli.clickapi import (
    Abort,
    ClickException,
    Context,
    HelpFormatter,
    UsageError,
    is_error,
)
from fzzf_cli.cli.coerce import quicken
from fzzf_cli.cli.commands import LazyCommands
from fzzf_cli.cli.results import working_dir
from fzzf_cli.cli.usage import chinese
from fzzf_cli.errors import EXIT_FINDINGS, EXIT_USAGE, FzzfError
from fzzf_cli.model.dataset import Dataset
from fzzf_cli.present.formats import FORMATS
from fzzf_cli.present.tables import print_problems
from fzzf_cli.select.query import OutOfRange, parse_date
from fzzf_cli.text import msg
from fzzf_cli.validate import cache
from fzzf_cli.validate.load import DataRoot, find_root, load_dataset
from fzzf_cli.vocab import Kind

# The order ``fzzf --help`` lists the commands in: daily questions first.
COMMAND_ORDER = (
    "due", "owes", "overdue", "status", "review", "remind", "check", "codeowners", "report",
    "notice", "ledger", "init",
    "new",
    "validate", "measures", "measure", "units", "pilots",
)  # fmt: skip


class PipeClosed(Exception):
    """The reader of fzzf's output went away (``fzzf due | head``): not an error."""


class ChineseHelpFormatter(HelpFormatter):
    """Click's help headings and usage prefix in Chinese."""

    def write_heading(self, heading: str) -> None:
        super().write_heading(msg(_HEADINGS[heading]) if heading in _HEADINGS else heading)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, msg("help_usage") if prefix is None else prefix)


_COMPLETION_HELP = {
    "install_completion": "help_completion_install",
    "show_completion": "help_completion_show",
}
_HEADINGS = {"Options": "help_options", "Commands": "help_commands", "Arguments": "help_arguments"}


class FzzfContext(Context):
    formatter_class = ChineseHelpFormatter


def _chinese_help(option: Any) -> Any:
    if option is not None:
        option.help = msg("help_option")
    return option


class FzzfCommand(typer.core.TyperCommand):
    """Every command: help in Chinese, options converted without pydantic (coerce.py)."""

    context_class = FzzfContext

    def get_help_option(self, ctx: Any) -> Any:
        return _chinese_help(super().get_help_option(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        quicken(self.get_params(ctx))
        return super().parse_args(ctx, args)


class FzzfGroup(typer.core.TyperGroup):
    """The top-level command group: usage errors are shown in Chinese, exit code 2."""

    context_class = FzzfContext

    def get_help_option(self, ctx: Any) -> Any:
        return _chinese_help(super().get_help_option(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        quicken(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise PipeClosed from None  # click would turn it into exit 1

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:  # typer's own options, in the user's language
            if param.name in _COMPLETION_HELP:
                param.help = msg(_COMPLETION_HELP[param.name])
        return params

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: rank.get(name, len(rank)))

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        passed = {
            "args": args,
            "prog_name": prog_name,
            "complete_var": complete_var,
            "windows_expand_args": windows_expand_args,
            **extra,
        }
        if not standalone_mode:
            return super().main(standalone_mode=False, **passed)
        try:
            result = super().main(standalone_mode=False, **passed)
        except UsageError as error:
            if is_error(error, "NoArgsIsHelpError"):  # Click ≥ 8.2: the help, as an error
                error.show()
                sys.exit(error.exit_code)
            if error.ctx is not None:
                sys.stderr.write(error.ctx.get_usage() + "\n")
            said = msg("labelled", label=msg("usage_error_prefix"), text=chinese(error))
            sys.stderr.write(said + "\n")
            sys.exit(error.exit_code)
        except ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except Abort:
            sys.stderr.write(msg("interrupted") + "\n")
            sys.exit(130)
        sys.exit(result if isinstance(result, int) else 0)


class FzzfApp(LazyCommands, FzzfGroup):
    """``fzzf`` itself: its commands are imported when used (``commands.py``)."""


app = typer.Typer(
    cls=FzzfApp,
    name="fzzf",
    help=msg("help_app"),
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


# The formats of every listing: the registry's names (present/formats), one per module.
Format = StrEnum("Format", [(name, name) for name in FORMATS])  # type: ignore[misc]
TABLE = Format("table")


class ViewFormat(StrEnum):
    table = "table"
    json = "json"


class By(StrEnum):
    thing = "thing"
    unit = "unit"


DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help=msg("help_data"),
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help=msg("help_format"))]
SoonOpt = Annotated[int, typer.Option("--soon", min=0, max=365, help=msg("help_soon"))]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help=msg("help_as_of")),
]
YearOpt = Annotated[str | None, typer.Option("--year", help=msg("help_year"))]
KindOpt = Annotated[Kind | None, typer.Option("--kind", help=msg("help_kind"))]
UntilOpt = Annotated[str | None, typer.Option("--until", help=msg("help_until"))]


# --- plumbing ---------------------------------------------------------------------------


@contextmanager
def handled() -> Iterator[None]:
    """Turn the tool's own errors into a message on stderr and their exit code."""
    try:
        yield
    except FzzfError as error:
        sys.stderr.write(f"fzzf: {error.message}\n")
        raise typer.Exit(error.exit_code) from None


def data_root(data: Path | None, filings: bool = False) -> DataRoot:
    root = find_root(data, os.environ.get("FZZF_DATA") or None, working_dir())
    if filings and root is not None and root.origin == "embedded":
        raise FzzfError(msg("no_repository"), EXIT_USAGE)
    if root is None:
        shown = data if data is not None else os.environ.get("FZZF_DATA", "")
        raise FzzfError(msg("data_not_found", path=shown), EXIT_USAGE)
    if root.origin != "embedded" and root.data.is_symlink():
        raise FzzfError(f"{root.data.name}: " + msg("data_symlink"), EXIT_FINDINGS)
    if root.origin != "embedded" and (root.data / ".git").exists():
        raise FzzfError(f"{root.data.name}: " + msg("sub_nested_repo"), EXIT_FINDINGS)
    return root


def plan_dataset(data: Path | None, filings: bool = False) -> tuple[DataRoot, Dataset]:
    """Load the plan for a query; stop with exit 1 if it cannot be loaded at all, and with
    exit 2 when the query needs ``filings`` but no data repository was found (the plan
    shipped with fzzf has none: answering from it would say that no unit filed anything)."""
    root = data_root(data, filings)
    ds, problems = load_dataset(root.path, cache.default_dir(os.environ))
    if ds is None:
        print_problems(problems, sys.stderr)
        raise FzzfError(msg("data_invalid"), EXIT_FINDINGS)
    if problems:
        failed = msg("validate_failed", n=len(problems))
        sys.stderr.write(msg("sentences", first=failed, second=msg("data_invalid")) + "\n")
    return root, ds


def table_width() -> int | None:
    """Wrap tables to the terminal; never wrap what goes to a pipe or a file."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdecimal() and columns.isascii():
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def as_of_date(value: str | None) -> date:
    """``--as-of``, else ``FZZF_AS_OF``, else today: the only place fzzf reads the clock."""
    if value is not None:
        return _parse_as_of(value, "--as-of")
    env = os.environ.get("FZZF_AS_OF")
    if env:
        return _parse_as_of(env, "FZZF_AS_OF")
    return date.today()


def _parse_as_of(value: str, source: str) -> date:
    try:
        return parse_date(value, source)
    except OutOfRange:
        raise
    except FzzfError:
        raise FzzfError(msg("bad_as_of", value=value, source=source), EXIT_USAGE) from None


def until_date(value: str | None) -> date | None:
    return parse_date(value, "--until") if value is not None else None


def known(ctx: typer.Context, option: str, number: int, numbers: list[int], missing: str) -> None:
    """``option`` names one of the plan's ``numbers`` (measures, areas): outside their range
    it is a usage error as a bound would give; a gap inside is the catalogue's ``missing``."""
    if number in numbers:
        return
    first, last = numbers[0], numbers[-1]
    detail = msg("usage_ge", n=first) if number < first else msg("usage_le", n=last)
    if first <= number <= last:
        detail = msg(missing, n=number)
    raise typer.BadParameter(detail, ctx=ctx, param_hint=option)
