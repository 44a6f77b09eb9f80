"""Actors: the ``eventwire_actors`` component (``tagger``), the dictionary it matches
(``dictionary``), noun phrases around sector words and titles (``chunks``, ``syntax``) and
people linked across an article (``people``)."""
