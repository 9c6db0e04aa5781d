"""IIIF Presentation API 3.0: manifests for objects, collections for exhibitions and museums."""
