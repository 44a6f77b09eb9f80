"""The language layer: actors, quotes, dates and places as spaCy pipeline components."""
