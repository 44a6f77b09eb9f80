"""Shared fixtures: where the evaluation data lives and a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Rich reads the width once: wide enough that table cells are not wrapped in assertions.
os.environ["COLUMNS"] = "240"

SHARED = Path(__file__).resolve().parents[2] / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when the evaluation data is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (evaluation data lives in ../shared beside the repo)")
    return path


@pytest.fixture
def cli():
    """Invoke the eventwire CLI in-process; returns typer's Result."""
    from typer.testing import CliRunner

    from eventwire.cli import _register, app

    _register()
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


@pytest.fixture(scope="session")
def full_nlp():
    """The whole pipeline (events included), loaded once for every test module using it."""
    from eventwire.nlp.model import ModelMissing
    from eventwire.pipeline import load_nlp

    try:
        return load_nlp()
    except ModelMissing as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def nlp(full_nlp):
    """The whole pipeline; modules that test one component define their own ``nlp``."""
    return full_nlp


@pytest.fixture(scope="module")
def stock_model():
    """spaCy's model as shipped, loaded afresh for each module (tests swap its components)."""
    import spacy

    from eventwire.config import Settings

    try:
        return spacy.load(Settings().spacy_model)
    except OSError as exc:
        pytest.skip(str(exc))
