"""Plain-text tables for people, measured in terminal cells (a Chinese character is two).

Drawn directly rather than through rich's Table: a year of obligations is hundreds of
cells, and rich's layout engine takes longer to draw them than fzzf takes to compute
them. Values are written as they are, never interpreted as markup. When the table is
wider than ``width``, the widest columns are wrapped; ``width=None`` never wraps
(pipes, files).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

# Only columns wider than this wrap (titles, names, reasons); dates and counts never do.
_MIN_COLUMN = 16


def _wrap(text: str, width: int) -> list[str]:
    """Split ``text`` into pieces of at most ``width`` cells (by character)."""
    if "\u200d" not in text and "\ufe0f" not in text and cell_len(text) <= width:
        return [text]  # fits (without joiners, a text's cells are its characters' cells)
    lines, current, used = [], "", 0
    for ch in text:
        size = cell_len(ch)
        if used + size > width and current:
            lines.append(current)
            current, used = "", 0
        current += ch
        used += size
    lines.append(current)
    return lines


def _fit(natural: list[int], width: int | None) -> list[int]:
    """Column widths: natural ones, the widest narrowed until the table fits."""
    widths = list(natural)
    if width is None:
        return widths
    budget = width - (3 * len(widths) + 1)
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= _MIN_COLUMN:
            break  # still too wide: the terminal wraps, but no date is cut in two
        widths[widest] -= 1
    return widths


def render(
    title: str, headings: Sequence[str], rows: Sequence[Sequence[str]], width: int | None
) -> str:
    """The table as text: a title line, a boxed heading, one or more lines per row."""
    natural = [cell_len(h) for h in headings]
    for row in rows:
        for i, cell in enumerate(row):
            natural[i] = max(natural[i], max((cell_len(p) for p in cell.splitlines()), default=0))
    widths = _fit(natural, width)

    def line(left: str, fill: str, mid: str, right: str) -> str:
        return left + mid.join(fill * (w + 2) for w in widths) + right

    def cells(values: Sequence[str]) -> list[str]:
        pieces = [
            [p for part in (v.splitlines() or [""]) for p in _wrap(part, w)]
            for v, w in zip(values, widths, strict=True)
        ]
        height = max(len(p) for p in pieces)
        out = []
        for k in range(height):
            texts = [p[k] if k < len(p) else "" for p in pieces]
            padded = [t + " " * (w - cell_len(t)) for t, w in zip(texts, widths, strict=True)]
            out.append("│ " + " │ ".join(padded) + " │")
        return out

    out = [title] if title else []
    out.append(line("┌", "─", "┬", "┐"))
    out += cells(list(headings))
    out.append(line("├", "─", "┼", "┤"))
    for row in rows:
        out += cells(row)
    out.append(line("└", "─", "┴", "┘"))
    return "\n".join(out) + "\n"
