"""The ``factcompare`` command and ``python -m compare``: the CLI of :mod:`compare.cli`.

Before the CLI itself is imported (typer, our modules: a third of a second), a command
line that will encode starts its encoder loading in a child process
(:func:`compare.embed.start_early`), so that the two start-ups overlap.

The garbage collector is told what a one-shot command knows: the imports' objects live
until exit, so collecting while they are built, and again over all of them at exit, is
work for nothing (measured: 0.1 s of a one-second cold ``diff``, bench/RESULTS.md).  It
still collects what the command itself leaves behind while it runs.

The patterns those modules compile come from a cache of compiled code
(:mod:`compare.regex_cache`), as the modules themselves come from ``__pycache__``.
"""

import gc
import sys


def main() -> None:
    gc.disable()  # the imports below make no garbage worth a pass
    from compare.embed import start_early

    argv = sys.argv[1:]
    start_early(argv)
    from compare.regex_cache import install

    install()  # before the modules below compile their patterns
    from compare.cli import main as cli

    gc.freeze()  # the modules' objects: never garbage, so never traversed again
    gc.enable()
    try:
        cli()
    except SystemExit as done:
        if done.code in (None, 0, 1):  # ran (1: it found discrepancies): its vectors are cached
            from compare.encode_worker import remember

            remember(argv)
        raise
    finally:
        gc.freeze()  # exit frees by reference counts, without a last pass over everything


if __name__ == "__main__":
    main()
