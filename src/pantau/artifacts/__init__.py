"""Shipped data artifacts (model arrays and manifests); no code and no pickles live here."""
