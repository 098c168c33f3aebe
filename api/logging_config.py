"""Logging for `foramen serve`: uvicorn's own config plus the `foramen` loggers, applied in
every worker process (uvicorn applies `log_config` in each one)."""

from __future__ import annotations

import copy
from typing import Any

from uvicorn.config import LOGGING_CONFIG


def uvicorn_log_config(level: str = "info") -> dict[str, Any]:
    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["foramen"] = {
        "format": "%(asctime)s %(levelname)s %(name)s: %(message)s",
    }
    config["handlers"]["foramen"] = {
        "class": "logging.StreamHandler",
        "formatter": "foramen",
        "stream": "ext://sys.stderr",
    }
    config["loggers"]["foramen"] = {
        "handlers": ["foramen"],
        "level": level.upper(),
        "propagate": False,
    }
    return config
