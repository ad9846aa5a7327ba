"""Actors: the knowledge base (data files), transliteration, and linking mentions to actors."""
