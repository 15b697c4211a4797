"""Matching: same story or not, pair by pair, and streaming story clustering.

Public API:

- :class:`~storyline.match.config.MatchConfig` - every threshold and weight, one configuration
- :func:`~storyline.match.signature.build_signatures` - per-article facets (USE vector, words, names, MinHash)
- :func:`~storyline.match.pairs.match_pair` - probability, label, facets, SemEval-style scores, reasons
- :class:`~storyline.match.stream.StoryClusterer` - time-ordered story assignment with saved state
"""
