"""factcompare: see where news reports agree, diverge, or update a figure.

The library API is :func:`compare.pipeline.compare_articles`; the CLI in
:mod:`compare.cli` is one client of it.
"""

__version__ = "0.1.0"
