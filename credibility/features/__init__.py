"""The six feature families, each a scikit-learn transformer that also returns its evidence."""

from .base import FamilyResult, FeatureFamily, to_documents

__all__ = ["FamilyResult", "FeatureFamily", "to_documents"]
