"""The families' own pages on the centre's public site: registration and booking."""
