"""The command table that lets ``fzzf`` import only the command it runs."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from typing import Any

import pytest

from fzzf_cli.cli.commands import COMMANDS, build
from fzzf_cli.cli.main import app
from fzzf_cli.text import msg


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_table_names_each_commands_module_and_help(name: str) -> None:
    command = build(app, name)
    assert command is not None, name
    assert command.name == name
    assert command.help == inspect.cleandoc(msg(COMMANDS[name][1]))


def test_every_registered_command_is_in_the_table() -> None:
    import typer.main

    from fzzf_cli.cli.commands import import_all

    import_all()
    names = {
        info.name or typer.main.get_command_name(info.callback.__name__)
        for info in app.registered_commands
    }
    names |= {group.name for group in app.registered_groups}
    assert names == set(COMMANDS)


def test_a_query_imports_only_its_own_command() -> None:
    code = (
        "import sys; sys.argv = ['fzzf', 'due', '--help']\n"
        "from fzzf_cli.cli.launch import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('fzzf_cli.cli.')), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = done.stderr.strip()
    assert "fzzf_cli.cli.dues" in loaded
    for other in (
        "fzzf_cli.cli.docs",
        "fzzf_cli.cli.plan",
        "fzzf_cli.cli.site",
        "fzzf_cli.cli.new",
    ):
        assert other not in loaded, loaded


def test_the_command_list_gives_each_command_a_readable_line(cli: Any) -> None:
    """Click shortens help at spaces; a Chinese sentence has none, so a long first one
    came out as a bare "..." (``site``) or broke off mid-sentence (``report``). The
    list shows each command's first sentence instead."""
    code, out, _ = cli("--help")
    assert code == 0
    rows = dict(re.findall(r"^  (\S+) +(.+)$", out.split("命令:")[1], re.M))
    for name, (_module, key) in COMMANDS.items():
        first = msg(key).split("。")[0]
        assert rows[name].startswith(first[:12]) and not rows[name].endswith("..."), name
