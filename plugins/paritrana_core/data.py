"""The data every plugin reads: loaded and indexed once per build, shared through Pelican's context."""

from __future__ import annotations

import sys

from paritrana_data import DataValidationError, load_dataset

from .index import DataIndex


class DataError(SystemExit):
    """The data files have errors: exit with a plain message, never a traceback, writing nothing."""


def load_checked(settings):
    """Load the dataset or stop the build, printing every problem (never a traceback)."""
    try:
        data = load_dataset(settings["PARITRANA_DATA_DIR"])
    except DataValidationError as exc:
        sys.stderr.write(exc.report() + "\n")
        raise DataError(f"{exc}: nothing was written. Fix the rows listed above "
                        "(`invoke validate` checks the data alone).") from None
    if data.warnings:
        sys.stderr.write(f"{len(data.warnings)} data warning(s); `invoke validate` lists them.\n")
    return data


def site_data(context, settings) -> dict:
    """The dataset and its index, loaded once per build and shared through Pelican's context."""
    if "paritrana" not in context:
        dataset = load_checked(settings)
        context["paritrana"] = {"dataset": dataset, "index": DataIndex(dataset), "pages": []}
    return context["paritrana"]
