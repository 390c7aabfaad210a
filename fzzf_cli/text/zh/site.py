"""The Chinese catalogue, the published dashboard (fzzf site)."""

from __future__ import annotations

ZH_SITE: dict[str, str] = {
    "cmd_site": "生成公开看板：静态网站（总览、各单位、各县(市、区)、半年报送、试点、措施、逾期清单、搜索，以及各单位的日历和填报表格），可直接打开或发布到 GitHub/GitLab Pages。",
    "help_output_site": "网站写入的文件夹（默认 public/）。",
    "site_written": "已生成看板：{n} 个文件，在 {path}。",
    "site_draft": "（草稿）",
    "site_foreign_folder": "{path} 不是空文件夹，也没有 fzzf 生成网站时留下的清单（{manifest}）：为免覆盖或删除别人的文件，不写入。请换一个空文件夹，或确认后加 --force。",
    "site_not_folder": "{path} 不是文件夹：请用 -o 指定网站写入的文件夹。",
    "site_changed": "{path} 是 fzzf 上次生成的，但之后被改过（或不是 fzzf 写的）：不覆盖。请先移走它，或确认后加 --force。",
    "site_kept": "保留 {path}：它已不属于本次生成的网站，但生成后被改过，不删除。",
    "site_removed": "已删除 {n} 个不再生成的旧文件。",
}
