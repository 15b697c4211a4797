"""The same story compares to the same JSON in every process, whatever PYTHONHASHSEED salts string hashing with."""

import json
import os
import subprocess
import sys
from pathlib import Path

#: A small invented story: four outlets, two languages, one speaker under name variants, ties in counts and lengths.
PROGRAM = """
from datetime import datetime, timezone
from compare_helpers import bag_of_words, entity, make_article, quote_at, time_at
from storyline.compare.story import compare
from storyline.report.comparison import to_json

REPORTS = [
    ("a", "Ruritania Herald", "en", "Inés Vidal",
     'Inés Vidal said on Monday: "The ferries to Port Elwyn will run again by Friday." Ruth Adler said 40 boats were idle.'),
    ("b", "Port Elwyn Post", "en", "Ines Vidal",
     'Ines Vidal told reporters on Monday: "The ferries to Port Elwyn will run again by Friday." R. Adler said 45 boats were idle.'),
    ("c", "Marco Bell Daily", "en", "Inès Vidal",
     'Inès Vidal said the ferries would run again by Friday. Marco Bell said 40 boats were idle in Port Elwyn on Monday.'),
    ("d", "Diario de Ruritania", "es", "Ines Vidal",
     'Ines Vidal dijo el lunes: "Los transbordadores a Port Elwyn volverán el viernes." Ruth Adler dijo que 40 barcos estaban parados.'),
]
articles = []
for day, (article_id, outlet, language, speaker, text) in enumerate(REPORTS, start=1):
    article = make_article(article_id, [text], outlet=outlet, language=language,
                           published=datetime(2026, 5, day, tzinfo=timezone.utc))
    names = [speaker] + [n for n in ("Ruth Adler", "R. Adler", "Marco Bell") if n in text]
    article.entities = [entity(text, n) for n in names] + [entity(text, "Port Elwyn", "GPE")]
    quoted = text.split('"')[1] if '"' in text else "the ferries would run again by Friday"
    article.quotes = [quote_at(text, quoted, speaker)]
    weekday = "Monday" if language == "en" else "lunes"
    article.times = [time_at(text, weekday, "2026-05-04")]
    articles.append(article)
print(to_json(compare(articles, bag_of_words)))
"""


#: One speaker's two name variants, as often credited and as long ("Inès" / "Inés"), no entity merging them first:
#: the tie the speakers' order breaks (:func:`storyline.compare.quotes._speakers`), by the story's order.
TIED_SPEAKERS = """
from compare_helpers import bag_of_words, make_article, quote_at
from storyline.compare.story import compare
from storyline.report.comparison import to_json

SAID = '{} said: "The ferries to Port Elwyn will run again by Friday, whatever the weather."'
articles = []
for article_id, speaker in zip("abcd", ("Inès Vidal", "Inés Vidal", "Inès Vidal", "Inés Vidal")):
    text = SAID.format(speaker)
    article = make_article(article_id, [text], outlet=f"Outlet {article_id}", language="en")
    article.quotes = [quote_at(text, text.split('"')[1], speaker)]
    articles.append(article)
print(to_json(compare(articles, bag_of_words)))
"""


def _compare_in_process(seed: int, program: str = PROGRAM) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).parent), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True
    ).stdout


def test_a_story_compares_to_the_same_json_whatever_the_string_hashing():
    outputs = {_compare_in_process(seed) for seed in range(4)}
    assert len(outputs) == 1
    assert '"quotes"' in outputs.pop()


def test_tied_name_variants_of_a_speaker_are_named_as_the_story_first_names_them_whatever_the_string_hashing():
    outputs = {_compare_in_process(seed, TIED_SPEAKERS) for seed in range(4)}
    assert len(outputs) == 1
    (group,) = json.loads(outputs.pop())["quotes"]
    assert group["speakers"] == ["Inès Vidal"] and len(group["articles"]) == 4
