"""The ``eventwire`` command line: one module per command group, registered on ``app``."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="eventwire",
    help="Turn raw news into structured, traceable political event data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
eval_app = typer.Typer(help="Measure quality on a gold set (precision, recall, F1).",
                       no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def main() -> None:
    """Entry point of the console script: known failures become one line, never a traceback."""
    try:
        from eventwire.cli._common import say
        from eventwire.errors import EventwireError

        _register()
        app()
    except KeyboardInterrupt:  # Ctrl-C while modules load, before a command's own handler
        import sys

        print("interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except EventwireError as exc:
        say("error:", "bold red", str(exc))
        raise SystemExit(2) from None


def _register() -> None:
    """Import every command module so its commands attach to ``app``."""
    import importlib
    import pkgutil

    from eventwire import cli

    for info in pkgutil.iter_modules(cli.__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"eventwire.cli.{info.name}")
