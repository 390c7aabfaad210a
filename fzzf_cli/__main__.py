"""``python -m fzzf_cli``."""

from fzzf_cli.launch import main

main()
