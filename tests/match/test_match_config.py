"""Matching settings from a TOML file: changed without editing code, refused when mistyped."""

from __future__ import annotations

import re

import pytest

from storyline.match.config import MatchConfig, MatchConfigError, config_overrides, load_match_config


def write(tmp_path, text):
    path = tmp_path / "match.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_changes_only_the_settings_it_names(tmp_path):
    config = load_match_config(write(tmp_path, "join = 0.4\nwindow_days = 3\ncandidates = 16\n"))
    assert (config.join, config.window_days, config.candidates) == (0.4, 3.0, 16)
    assert config_overrides(config) == {"join": 0.4, "window_days": 3.0, "candidates": 16}
    assert load_match_config(write(tmp_path, "[match]\njoin = 0.4\n")).join == 0.4
    assert load_match_config(write(tmp_path, "")) == MatchConfig()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("jion = 0.4", "unknown setting 'jion' (did you mean join?)"),
        ("join = 1.5", "join: expected a value from 0 to 1, got 1.5"),
        ("follow_up = 1.5", "follow_up: expected a value from 0 to 1, got 1.5"),
        ('join = "high"', "join: expected a number, got 'high'"),
        ("candidates = 2.5", "candidates: expected a whole number, got 2.5"),
        ("candidates = 0", "candidates: expected at least 1, got 0"),
        ("window_days = -1", "window_days: expected a number of days from 0, got -1"),
        ("bias = nan", "bias: expected a finite number, got nan"),
        ("join = true", "join: expected a number, got True"),
        ("join 0.4", "not TOML"),
    ],
)
def test_a_mistake_is_named_not_ignored(tmp_path, text, message):
    with pytest.raises(MatchConfigError, match=re.escape(message)):
        load_match_config(write(tmp_path, text))
