"""Matching: same story or not, pair by pair, and streaming story clustering."""
