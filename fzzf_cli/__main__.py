"""``python -m fzzf_cli``."""

from fzzf_cli.cli.launch import main

main()
