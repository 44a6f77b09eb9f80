"""Quotes: the ``eventwire_quotes`` component (``component``), what the rules read about an
article (``context``), quotation marks and segments (``marks``), direct and indirect
attribution rules (``direct``, ``indirect``), the cue lexicons (``cues``), token helpers
(``syntax``) and speaker resolution (``speaker``)."""
