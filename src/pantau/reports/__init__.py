"""Dashboards, periodic reports, the public transparency page, list exports and model monitoring."""
