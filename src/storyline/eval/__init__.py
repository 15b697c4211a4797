"""Evaluation on the gold sets in ../shared/data."""
