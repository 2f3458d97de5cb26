"""Monitoring: the posts Pantau collects (and, as they arrive, imports, findings, complaints, claims)."""
