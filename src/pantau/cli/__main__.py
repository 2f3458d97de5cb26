"""Allows `python -m pantau.cli`."""

import sys

from pantau.cli import main

sys.exit(main())
