"""Köln geography: Stadtteile, Stadtbezirke and postcode centroids from the city's open data.

Data: Stadt Köln (Stadtteile, derived from the city's KML; CC-BY / dl-de/zero-2-0) and
GeoNames postcodes (CC-BY 4.0) with 1999 PLZ polygons (public domain); see PROVENANCE.md.
"""
