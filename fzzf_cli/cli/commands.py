"""Which module defines each command, so that ``fzzf due`` imports ``dues`` and nothing else.

The top-level group lists every command from this table; a command's module is imported
only when the command is run, completed or asked for its own help. ``fzzf --help`` shows
each command's one-line help from the catalogue key given here, which is the ``help=`` the
command is registered with (``test_lazy_commands`` checks that the two agree).
"""

from __future__ import annotations

import importlib
from typing import Any

# name → (module under fzzf_cli.cli, catalogue key of its help), in the order of creation.
COMMANDS: dict[str, tuple[str, str]] = {
    "calendar": ("calendar", "cmd_calendar"),
    "check": ("check", "cmd_check"),
    "diff": ("diff", "cmd_diff"),
    "report": ("docs", "cmd_report_scope"),
    "notice": ("docs", "cmd_notice"),
    "due": ("dues", "cmd_due"),
    "owes": ("dues", "cmd_owes"),
    "init": ("init", "cmd_init"),
    "ledger": ("ledger", "cmd_ledger"),
    "codeowners": ("owners", "cmd_codeowners"),
    "validate": ("plan", "cmd_validate"),
    "measures": ("plan", "cmd_measures"),
    "measure": ("plan", "cmd_measure"),
    "units": ("plan", "cmd_units"),
    "pilots": ("plan", "cmd_pilots"),
    "remind": ("remind", "cmd_remind"),
    "schema": ("schema", "cmd_schema"),
    "site": ("site", "cmd_site"),
    "overdue": ("track", "cmd_overdue"),
    "status": ("track", "cmd_status"),
    "review": ("track", "cmd_review"),
    "new": ("rounds", "help_new"),  # rounds imports new: both register under ``fzzf new``
    "import": ("forms", "cmd_import"),
}


def import_all() -> None:
    """Import every command's module (what the app looked like before commands were lazy)."""
    for module, _key in COMMANDS.values():
        importlib.import_module(f"fzzf_cli.cli.{module}")


def build(typer_app: Any, name: str) -> Any:
    """The click command ``name`` of ``typer_app``, importing the module that defines it."""
    import typer.main

    importlib.import_module(f"fzzf_cli.cli.{COMMANDS[name][0]}")
    settings = {
        "pretty_exceptions_short": typer_app.pretty_exceptions_short,
        "rich_markup_mode": typer_app.rich_markup_mode,
        "suggest_commands": getattr(typer_app, "suggest_commands", True),
    }
    for info in typer_app.registered_commands:
        if (info.name or typer.main.get_command_name(info.callback.__name__)) == name:
            return _shortened(_call(typer.main.get_command_from_info, info, settings))
    for group in typer_app.registered_groups:
        if group.name == name:
            return _shortened(_call(typer.main.get_group_from_info, group, settings))
    return None


def _call(make: Any, info: Any, settings: dict[str, Any]) -> Any:
    """``make(info, **settings)`` with the settings this Typer's ``make`` takes: each
    Typer release adds some (``suggest_commands`` is not in 0.12)."""
    import inspect

    takes = inspect.signature(make).parameters
    return make(info, **{key: value for key, value in settings.items() if key in takes})


class LazyCommands:
    """A click group mixin: every command of ``COMMANDS`` is listed, each one built on first
    use; for the command list of ``--help`` a stand-in with the same help is enough."""

    _listing = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        import typer.core

        group: Any = self  # a click group: ``commands`` is its own
        built = {name: _shortened(command) for name, command in group.commands.items()}
        group.commands = {
            name: built.pop(name, None) or _pending(typer.core.TyperCommand, name, key)
            for name, (_module, key) in COMMANDS.items()
        } | built

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        commands = vars(self)["commands"]
        found = commands.get(cmd_name)
        if getattr(found, "fzzf_pending", False) and not self._listing:
            from fzzf_cli.cli.app import app

            found = commands[cmd_name] = build(app, cmd_name)
        return found

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_commands(ctx, formatter)  # type: ignore[misc]
        finally:
            self._listing = False


def _shortened(command: Any) -> Any:
    if command is not None and command.short_help is None:
        command.short_help = first_sentence(command.help)
    return command


def first_sentence(help_text: str | None) -> str | None:
    """The line of ``fzzf --help`` for a command with Chinese help: its first sentence.
    Click shortens help at spaces, which a Chinese sentence lacks: a long one came out
    as a bare "..." or broke off mid-clause. English help (no "。") is left to Click."""
    first, stop, _rest = (help_text or "").partition("。")
    return first + stop if stop else None


def _pending(base: type, name: str, key: str) -> Any:
    from fzzf_cli.text import msg

    help_text = msg(key)
    command = base(name=name, help=help_text, short_help=first_sentence(help_text))
    command.fzzf_pending = True
    return command
