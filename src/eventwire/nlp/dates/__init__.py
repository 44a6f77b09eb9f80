"""Time expressions: the ``eventwire_times`` component (``component``), the project's grammar
of news dates (``rules``) and the calendar arithmetic it resolves them with (``calendar``)."""
