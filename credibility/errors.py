"""Errors a user can cause, each carrying one line that names the problem and the fix."""

from __future__ import annotations

__all__ = ["CredibilityError", "InputError", "ModelError", "DataError"]


class CredibilityError(Exception):
    """Base class of every error meant to be shown to a user as one line, without a traceback."""


class InputError(CredibilityError):
    """An article or an input file that cannot be read or analyzed."""


class DataError(CredibilityError):
    """Labeled data that cannot be used for training or evaluation."""


class ModelError(CredibilityError):
    """A model directory or file that cannot be loaded safely."""
