"""The employee registry: units, employees (ASN) and their declared social-media accounts."""
