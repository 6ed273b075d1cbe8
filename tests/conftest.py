"""Shared test set-up: Hypothesis profiles and fixture paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile(
    "dev", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent
FIXTURES = ROOT / "fixtures"
GOLDEN = ROOT / "golden"
INDAILY_TXT = FIXTURES / "indaily-russia-nato-2024-04-05.txt"
INDAILY_HTML = FIXTURES / "indaily-russia-nato-2024-04-05.html"
#: ../shared/ref beside the checkout, when present (schemas for validation tests).
SHARED_REF = ROOT.parent.parent / "shared" / "ref"


@pytest.fixture
def update_golden() -> bool:
    """Set NEWSMODEL_UPDATE_GOLDEN=1 to rewrite golden files instead of comparing."""
    return os.environ.get("NEWSMODEL_UPDATE_GOLDEN") == "1"
