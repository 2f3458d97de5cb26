"""Official letters of a case: templates, letterhead, numbering, PDF and DOCX (issue 5 point 6)."""
