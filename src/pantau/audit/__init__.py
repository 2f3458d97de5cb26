"""Append-only, hash-chained audit log of every state change, and the access log of who viewed what."""
