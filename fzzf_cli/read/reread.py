"""What a valid file keeps of itself: its bytes, deflated, to be parsed again only when a
later check (dates, reviews, claims) must point at a place in it."""

from __future__ import annotations

import zlib
from typing import NamedTuple

from fzzf_cli.read.yamlio import YamlDoc, parse_yaml


class Reread(NamedTuple):
    """A valid file's bytes, kept instead of its tree (~100 KiB) and deflated (a third of
    their size): a run holds thousands of files, of which few are ever parsed again."""

    packed: bytes
    path: str

    @classmethod
    def of(cls, raw: bytes, path: str) -> Reread:
        return cls(zlib.compress(raw, 1), path)

    def load(self) -> YamlDoc:
        doc, _ = parse_yaml(zlib.decompress(self.packed), self.path)
        if doc is None:
            raise ValueError(self.path)  # cannot happen: the same bytes were read as valid
        return doc
