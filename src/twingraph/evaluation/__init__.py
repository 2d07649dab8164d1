"""Extraction scored against hand-written gold facts, with the errors that explain the score."""
