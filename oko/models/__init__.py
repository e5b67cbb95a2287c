"""Content models: the single source of truth for validation, schemas and rendering."""
