"""Extraction: an article's sentences to Figures and Claims, finished before any comparison.

numbers -> qualifiers -> units -> concepts, places, attribution -> figures -> claims;
``resources`` holds the word tables they read.
"""
