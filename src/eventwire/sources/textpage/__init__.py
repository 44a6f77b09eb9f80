"""Plain-text page scrapes: the splitter into articles (``splitter``), the line signals it
scores (``lines``), publication-date lines (``dates``) and metadata around a body (``meta``)."""
