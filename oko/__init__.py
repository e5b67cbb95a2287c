"""Око: a static site generator for the objectivity of assessment in Russian schools."""

__version__ = "0.1.0"
