import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitefactory import FixtureSite  # noqa: E402


@pytest.fixture
def fixture_site(tmp_path: Path) -> FixtureSite:
    """A valid, stamped three-language fixture site; tests then break one thing."""
    return _standard(tmp_path)


def _standard(tmp_path: Path) -> FixtureSite:
    root = tmp_path / "fixture"
    root.mkdir()
    return FixtureSite(root).standard()
