import pytest

from extractor import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()
