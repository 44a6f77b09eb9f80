"""Quotes: the ``eventwire_quotes`` component (``component``), quotation marks and segments
(``marks``), direct and indirect attribution rules (``direct``, ``indirect``), speech cues
(``cues``), token helpers (``syntax``) and speaker resolution (``speaker``)."""
