"""A page's questions and answers, put back where trafilatura's body lost them.

Guides and service pages close with a "Frequently asked questions" section, which readers
and the truth bodies keep as part of the article, but its markup is made to fold away: an
accordion whose answers are hidden until clicked, a ``details`` box, a section placed in
the page's footer.  trafilatura leaves such hidden or footer blocks out, so the section is
lost.  Pages that have one also declare it, for search engines, as schema.org ``FAQPage``
structured data (JSON-LD): the same questions and answers as plain text.  When the body
holds fewer than half of those questions, they are added after it, each question followed
by its answer, as the section reads on the page.
"""

from __future__ import annotations

import json
import re
from html import unescape

LD_JSON_RE = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>",
                        re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"<[^>]+>")
_WORD_RE = re.compile(r"\w+")
HELD = 0.5  # the body holding this share of the questions keeps its own section
MAX_NODES = 10_000  # JSON values walked per page at most (a huge graph is no FAQ)


def with_faq(body: str, html: str) -> str:
    """The body, with the page's declared questions and answers after it when it lacks
    most of them."""
    if "FAQPage" not in html:
        return body
    pairs = declared_faq(html)
    if not pairs:
        return body
    have = _key(body)
    held = sum(1 for q, _ in pairs if _key(q) in have)
    if held >= HELD * len(pairs):
        return body
    extra = [p for q, a in pairs for p in (q, a) if _key(p) not in have]
    return "\n\n".join([body, *extra]) if extra else body


def declared_faq(html: str) -> list[tuple[str, str]]:
    """The (question, answer) pairs of the page's schema.org FAQPage data, as plain text."""
    pairs: list[tuple[str, str]] = []
    for match in LD_JSON_RE.finditer(html):
        if "Question" not in match.group(1):
            continue
        try:
            data = json.loads(match.group(1), strict=False)
        except ValueError:  # broken JSON in the page: no declared questions there
            continue
        stack, seen = [data], 0
        while stack and seen < MAX_NODES:
            node = stack.pop()
            seen += 1
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                if _is_question(node) and (pair := _pair(node)) is not None:
                    pairs.append(pair)
                else:
                    stack.extend(reversed([v for v in node.values()
                                           if isinstance(v, (dict, list))]))
    return pairs


def _is_question(node: dict) -> bool:
    kind = node.get("@type")
    return kind == "Question" or (isinstance(kind, list) and "Question" in kind)


def _pair(node: dict) -> tuple[str, str] | None:
    answer = node.get("acceptedAnswer") or node.get("suggestedAnswer")
    if isinstance(answer, list):
        answer = answer[0] if answer else None
    question = _plain(node.get("name"))
    text = _plain(answer.get("text")) if isinstance(answer, dict) else ""
    return (question, text) if question and text else None


def _plain(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return " ".join(unescape(_TAG_RE.sub(" ", value)).split())


def _key(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.lower()))
