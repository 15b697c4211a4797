"""storyline: reads news from many outlets and tells, story by story, who reported what."""

from storyline.model import Article, Comparison, PairMatch, Story

__version__ = "0.1.0"
__all__ = ["Article", "Comparison", "PairMatch", "Story", "__version__"]
