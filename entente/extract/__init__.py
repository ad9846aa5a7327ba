"""Extraction stages over the cleaned text: entity mentions, quotes (and, later, events)."""
