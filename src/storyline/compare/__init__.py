"""Comparison: a story's articles side by side, down to the claim."""
