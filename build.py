#!/usr/bin/env python3
"""Око's command line: `python build.py build | check | serve` (see README.md)."""

import sys

from oko.cli import main

if __name__ == "__main__":
    sys.exit(main())
