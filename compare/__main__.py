"""The ``factcompare`` command and ``python -m compare``: the CLI of :mod:`compare.cli`.

Before the CLI itself is imported (typer, our modules: a third of a second), a command
line that will encode starts its encoder loading in a child process
(:func:`compare.embed.start_early`), so that the two start-ups overlap.
"""

import sys


def main() -> None:
    from compare.embed import start_early

    start_early(sys.argv[1:])
    from compare.cli import main as cli

    cli()


if __name__ == "__main__":
    main()
