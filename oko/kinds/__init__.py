"""The built-in content kinds, one package each (see oko/kind.py and docs/architecture.md)."""
