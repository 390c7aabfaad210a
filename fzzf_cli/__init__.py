"""fzzf: a compliance tracker for 肇府办函〔2016〕48号 over plain YAML files."""

__version__ = "0.1.0"
