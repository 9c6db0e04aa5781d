"""IIIF Image API 3.0 (level 2) and 2.1: parsing, pixels, derivatives and caching."""
