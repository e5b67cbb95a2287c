"""Око: a static site generator for the objectivity of assessment in Russian schools."""

import os

# openpyxl switches to another XML writer when lxml is installed (python-docx brings it), and that
# writer spells «А» as «&#1040;»: the same content would give other XLSX bytes on another machine.
# One writer everywhere keeps the site byte-identical (determinism); set before openpyxl is imported.
os.environ.setdefault("OPENPYXL_LXML", "False")

__version__ = "0.1.0"
