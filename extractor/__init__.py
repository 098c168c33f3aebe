"""foramen: cervical foraminal stenosis and management-changing findings from spine reports."""

from ._version import __version__
from .clinical import ClinicalContext
from .extractor import Extractor, InputError, ReportTooLongError
from .schema import Finding, ReportResult

__all__ = [
    "ClinicalContext",
    "Extractor",
    "Finding",
    "InputError",
    "ReportResult",
    "ReportTooLongError",
    "__version__",
]
