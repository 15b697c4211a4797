"""Dependency heads from parsers that pick heads independently (slovnet) must form a tree."""

from storyline.enrich.languages import _leads_into_cycle


def test_cycle_is_detected_for_every_member():
    heads = [1, 2, 0, 3]  # 0 -> 1 -> 2 -> 0 loops; 3 is a root
    assert [_leads_into_cycle(heads, i) for i in range(4)] == [True, True, True, False]


def test_chain_to_a_root_is_not_a_cycle():
    heads = [2, 2, 2, 1]
    assert not any(_leads_into_cycle(heads, i) for i in range(4))
