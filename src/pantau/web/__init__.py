"""The web UI: role home pages, registry pages, imports, audit views and account pages."""
