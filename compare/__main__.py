"""`python -m compare` runs the same CLI as the `factcompare` command."""

from compare.cli import main

if __name__ == "__main__":
    main()
