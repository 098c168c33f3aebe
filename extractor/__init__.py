"""foramen: cervical foraminal stenosis and management-changing findings from spine reports."""

from ._version import __version__
from .extractor import Extractor, InputError, ReportTooLongError
from .schema import Finding, ReportResult

__all__ = [
    "Extractor",
    "Finding",
    "InputError",
    "ReportResult",
    "ReportTooLongError",
    "__version__",
]
