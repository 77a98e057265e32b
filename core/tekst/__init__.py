"""Figures as Dutch text: number formats, provenance, table headers and generated sentences."""
