"""``eventwire articles`` and ``eventwire article ID``: look at what is stored."""

from __future__ import annotations

import typer
from rich.table import Table

from eventwire.cli import app
from eventwire.cli._common import DB_OPTION, console, fail, open_store
from eventwire.query import MAX_OFFSET
from eventwire.render import annotation_tables, article_text


@app.command("articles")
def articles_cmd(
    db: str = DB_OPTION,
    limit: int = typer.Option(50, min=1, max=MAX_OFFSET, help="How many to list."),
    offset: int = typer.Option(0, min=0, max=MAX_OFFSET),  # bounds DuckDB's LIMIT takes
) -> None:
    """List stored articles: id, date, title, source, words."""
    with open_store(db, read_only=True) as store:
        rows = store.list_articles(limit, offset)
        total = store.count()
    table = Table(title=f"{total} articles" + (f" (showing {len(rows)})" if total > len(rows)
                                                 else ""))
    for col in ("id", "date", "title", "source", "words", "lang"):
        table.add_column(col, overflow="fold")
    for r in rows:
        date = r["published"].date().isoformat() if r["published"] else ""
        table.add_row(r["id"], date, r["title"] or "", r["source"] or "", str(r["words"]),
                      r["language"] or "")
    console.print(table)


@app.command("article")
def article_cmd(
    article_id: str = typer.Argument(..., help="Article id (a unique prefix is enough)."),
    db: str = DB_OPTION,
) -> None:
    """Show one article: metadata, bullets and body with its annotations highlighted."""
    with open_store(db, read_only=True) as store:
        found = store.find_article(article_id)
        if not found:
            fail(f"no article with id {article_id!r}", 1)
        if len(found) > 1:
            fail(f"id prefix {article_id!r} is ambiguous: "
                 + ", ".join(r["id"] for r in found), 2)
        art = found[0]
        annos = store.annotations(art["id"])
    meta = Table.grid(padding=(0, 2))
    for key in ("id", "title", "published", "published_text", "dateline", "source", "url",
                "author", "source_path", "record", "language", "words"):
        if art.get(key) not in (None, ""):
            meta.add_row(f"[bold]{key}[/]", str(art[key]))
    if art.get("caption"):
        credit = f" ({art['caption_credit']})" if art.get("caption_credit") else ""
        meta.add_row("[bold]caption[/]", art["caption"] + credit)
    console.print(meta)
    for b in art.get("bullets") or []:
        console.print(f"  • {b}", highlight=False)
    console.print()
    console.print(article_text(art["body"], annos))
    for table in annotation_tables(annos):
        console.print(table)
