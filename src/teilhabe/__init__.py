"""Teilhabe: operations platform for a Kommunales Integrationszentrum (KI)."""
