"""The exit codes of every command: 0 done, 1 the content (or the system) stopped it, 2 a usage error,
3 a district build where some schools failed and kept their previous pages."""

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3
