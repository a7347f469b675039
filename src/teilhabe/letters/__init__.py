"""Letters as PDF (WeasyPrint): German first, then the family's language, on A4 with an
address window. Public API: ``teilhabe.letters.rendering`` and ``teilhabe.letters.languages``.
"""
