"""The feature families, each a scikit-learn transformer that also returns its evidence."""

from __future__ import annotations

from .base import FamilyResult, FeatureFamily, to_documents

__all__ = ["FamilyResult", "FeatureFamily", "default_families", "family_classes", "to_documents"]


def family_classes() -> tuple[type[FeatureFamily], ...]:
    """The family classes in pipeline order."""
    from .headline import Headline
    from .loaded import LoadedLanguage
    from .page_context import PageContext
    from .readability import Readability
    from .sentiment import Sentiment
    from .sourcing import Sourcing
    from .specificity import Specificity

    return (LoadedLanguage, Sourcing, Specificity, Readability, Sentiment, Headline, PageContext)


def default_families() -> list[FeatureFamily]:
    """One instance of each family with default parameters, in pipeline order."""
    return [cls() for cls in family_classes()]
