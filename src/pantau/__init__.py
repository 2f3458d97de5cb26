"""Pantau: finds ASN social-media posts that may breach the code of conduct and runs the process that follows."""

__version__ = "0.1.0"
