"""Fixtures for the claim-matching tests: the fictional register of `corpus`, indexed once."""

from __future__ import annotations

import pytest

from pantau.core.claims import ClaimIndex
from tests.core.claims.corpus import CLAIMS


@pytest.fixture(scope="session")
def index() -> ClaimIndex:
    return ClaimIndex(CLAIMS)
