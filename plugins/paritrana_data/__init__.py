"""Pure data layer: read, normalise and validate the award's data files into frozen records.

This package never imports Pelican; the site plugins consume what `load_dataset` returns.
"""

from .dataset import load_dataset
from .problems import DataValidationError, Problem

__all__ = ["load_dataset", "DataValidationError", "Problem"]
