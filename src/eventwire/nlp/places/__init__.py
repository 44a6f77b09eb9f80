"""Places: the ``eventwire_places`` component (``component``), its word lists and patterns
(``rules``) and the offline GeoNames gazetteer (``gazetteer``, data in ``data/geo/``)."""
