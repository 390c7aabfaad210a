"""JSON: the view's record, UTF-8, Chinese as it is, keys in the record's order."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from fzzf_cli.present.jsonout import write_json

if TYPE_CHECKING:
    from fzzf_cli.present.view import View


def write(view: View, stream: TextIO, width: int | None) -> None:
    write_json(view.record, stream)
