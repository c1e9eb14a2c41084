"""Renderers: a Report (or a timeline) to text, CSV, JSON, HTML or the terminal; never print."""
