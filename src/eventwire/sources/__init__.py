"""Input stage: read files, detect their format and turn them into clean articles."""
