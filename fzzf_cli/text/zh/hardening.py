"""Refusals that keep hostile data and tampered output folders from doing harm."""

from __future__ import annotations

ZH_HARDENING: dict[str, str] = {
    "site_holds_data": (
        "{path} 里有数据文件夹 {data}：看板请写到单独的文件夹（如 public/），"
        "以免重建时按清单（.fzzf-site.json）删改方案或报送文件"
    ),
}
