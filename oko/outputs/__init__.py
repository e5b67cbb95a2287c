"""Machine-readable outputs derived from the models: calendars and tables."""
