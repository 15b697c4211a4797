from storyline.enrich.vocabulary import is_common_word, is_known_name


def test_common_words_are_held_in_lower_case_only():
    assert is_common_word("Recientemente") and is_common_word("Zahlreiche")
    assert not any(is_common_word(w) for w in ("Ruth", "Olga", "Marco", "Rosa", "GM", "RECIENTEMENTE"))


def test_known_names_are_likelier_capitalised_or_written_in_capitals():
    assert is_known_name("Olga") and is_known_name("Marco") and is_known_name("ZMX")
    assert not is_known_name("Recientemente") and not is_known_name("Elwyn")  # a name it never met is unknown
