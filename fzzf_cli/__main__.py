"""``python -m fzzf_cli``."""

from fzzf_cli.cli import main

main()
