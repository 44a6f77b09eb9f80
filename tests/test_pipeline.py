"""The stages module: components in an order that gives each what it reads, and the user's
files (settings) reaching the components."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy

from eventwire.config import Settings
from eventwire.pipeline import COMPONENTS, check_order, load_nlp


def test_full_pipeline_gives_each_component_what_it_requires(full_nlp):
    assert full_nlp.pipe_names[-len(COMPONENTS):] == list(COMPONENTS)
    assert not any(full_nlp.analyze_pipes()["problems"].values())


def test_a_component_before_the_one_it_reads_from_is_refused():
    import eventwire.nlp.quotes.component  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    nlp.add_pipe("eventwire_quotes")
    with pytest.raises(RuntimeError, match="eventwire_quotes needs .*doc._.mentions"):
        check_order(nlp)


def test_event_coder_codes_phrases_with_the_pipelines_own_actor_tagger(full_nlp):
    assert full_nlp.get_pipe("eventwire_events").actors is full_nlp.get_pipe("eventwire_actors")


def test_settings_choose_the_users_files(tmp_path):
    lexicon = tmp_path / "mine.txt"
    lexicon.write_text("PROTEST/demo   serenade\n")
    actors = tmp_path / "actors.csv"
    actors.write_text("kind,name,country,sector,aliases,backed_by,note\n"
                      "group,Northern Shield Brigade,MLI,PRM,NSB,,test group\n")
    mine = replace(Settings(), lexicon_files=(str(lexicon),), actor_files=(str(actors),))
    try:
        nlp = load_nlp(mine)
    except (ImportError, ValueError) as exc:
        pytest.skip(f"the language layer does not load ({exc})")
    doc = nlp("NSB fighters serenaded the governor in Kabul on Monday, witnesses said.")
    assert [(e.type, e.rule) for e in doc._.events] == [("PROTEST", "lexicon:mine.txt:1")]
    assert doc._.events[0].sources[0].country == "MLI"
    assert load_nlp(replace(mine, batch_size=7)) is nlp  # the same files, the same pipeline
    assert load_nlp(Settings()) is not nlp


def test_line_breaks_end_headlines_and_full_lines_but_not_a_broken_phrase():
    from eventwire.nlp.lines import mark_line_ends

    doc = mark_line_ends(spacy.blank("en")(
        "Mayor Quits After Vote\nThe council met on Friday.\nLater he thanked the\n"
        "Governor for his help.\n\nthe end"))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Mayor", "The", "Later"]  # "Governor" goes on the line above
    assert doc[1].is_sent_start is False  # a headline is one sentence
