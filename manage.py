#!/usr/bin/env python
"""Django's command-line utility; the `phoihop` console script does the same."""

from phoihop.cli import main

if __name__ == "__main__":
    main()
