"""Stored files behind permission-checked downloads: upload validation, storage paths,
deleting after commit, and a safe download response. No models: each work area keeps its
own document rows (they belong to its records); this app is the machinery they share.
"""
