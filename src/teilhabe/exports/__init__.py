"""Shared services for long work: background jobs with progress and a private download."""
