"""The event coder's sentence view: the sentence Span whose tokens, lemmas and text are made
once must answer exactly as the Span it stands for (sentences written for these tests)."""

from __future__ import annotations

from eventwire.events.sentence import Sentence, lemmas

TEXT = ("Police in the capital arrested 12 protesters on Monday.\n"
        "The opposition leader said the arrests were “a disgrace” and demanded their release.")


def test_sentence_answers_as_its_span(nlp):
    doc = nlp(TEXT)
    for span in doc.sents:
        sent = Sentence.of(span)
        assert [t.i for t in sent] == [t.i for t in span]
        assert sent.text == span.text
        assert lemmas(sent) == lemmas(span) == [t.lemma_.lower() for t in span]
        assert (sent.start, sent.end, sent.start_char, sent.end_char) == (
            span.start, span.end, span.start_char, span.end_char)
        assert sent.root.i == span.root.i and len(sent) == len(span)


def test_tokens_are_made_once(nlp):
    sent = Sentence.of(next(nlp(TEXT).sents))
    first, second = list(sent), list(sent)
    assert all(a is b for a, b in zip(first, second, strict=True))
