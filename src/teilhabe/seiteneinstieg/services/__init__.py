"""Writes of the Seiteneinstieg casework, one module per part of the work.

Every function is keyword-only, takes the acting user, runs in one transaction, validates
with ``full_clean()`` and writes one audit entry. Side effects (mail) run after commit.
"""
