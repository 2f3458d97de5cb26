"""Plain-Python domain logic with no Django import: text, detection, sources, calendar, ladder, NIP rules."""
