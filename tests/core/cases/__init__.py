"""Tests of the plain-Python case rules (no Django)."""
