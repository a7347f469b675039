"""Reads of the Seiteneinstieg casework. Every selector takes the user and returns only what
that user may see (another centre's rows never appear)."""
