"""Presenting results: JSON for programs, rich tables for people."""
