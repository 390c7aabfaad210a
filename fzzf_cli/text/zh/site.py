"""The Chinese catalogue, the published dashboard (fzzf site)."""

from __future__ import annotations

ZH_SITE: dict[str, str] = {
    "cmd_site": "生成公开看板：静态网站（总览、各单位、逾期清单、搜索），可直接打开或发布到 GitHub/GitLab Pages。",
    "help_output_site": "网站写入的文件夹（默认 public/）。",
    "site_written": "已生成看板：{n} 个文件，在 {path}。",
}
