"""Text and JSON values a database cannot store, found before they reach it.

PostgreSQL refuses a NUL character in text and in ``jsonb`` (and ``jsonb`` refuses the
``\\u0000`` escape); neither PostgreSQL nor SQLite can encode a lone UTF-16 surrogate (JSON
lets a record write ``"\\ud800"``), and a value nested thousands of levels deep exhausts the
stack of whatever walks it next; JSON itself has no NaN or Infinity, which Python's parser
accepts and PostgreSQL's ``jsonb`` refuses. These checks run at the edges (the APIs, imports) so such a
value becomes an error naming its field instead of a failed transaction.

- `text_flaw(text)`: why one string cannot be stored, or None;
- `value_flaw(value)`: ``(path, reason)`` for the first such string, key or too deep nesting
  inside a JSON-like value (dicts, lists, scalars), or None; the reason reads after "the value"
  ("contains a NUL character …", "is nested more than 100 levels deep");
- `printable_for_db(text)`: the text with those characters replaced by U+FFFD, for messages
  that quote user input.
"""

from __future__ import annotations

import math

MAX_DEPTH = 100

_NUL = "\x00"
_NOT_FINITE = "is not a finite number (%s)"  # JSON has no NaN or Infinity; PostgreSQL refuses them


def text_flaw(text: str) -> str | None:
    """None when ``text`` can be stored; else a short reason naming the character."""
    if _NUL in text:
        return f"contains a NUL character (at position {text.index(_NUL) + 1})"
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        return f"contains a lone surrogate U+{code:04X} (at position {exc.start + 1})"
    return None


def _clean(value, depth: int) -> bool:
    """True when every key and string in ``value`` can be stored and it is at most ``depth``
    levels deep: the fast path, which builds no paths."""
    kind = type(value)
    if kind is str:
        return (value.isascii() and _NUL not in value) or text_flaw(value) is None
    if kind is float:
        return math.isfinite(value)
    if kind is dict:
        if depth <= 0:
            return False
        for key, child in value.items():
            if key.__class__ is str and not (key.isascii() and _NUL not in key):
                if text_flaw(key):
                    return False
            if not _clean(child, depth - 1):
                return False
        return True
    if kind is list or kind is tuple:
        if depth <= 0:
            return False
        for child in value:
            if not _clean(child, depth - 1):
                return False
    return True


def value_flaw(value, *, path: str = "", max_depth: int = MAX_DEPTH) -> tuple[str, str] | None:
    """The first flaw in a JSON-like value: ``(path, reason)``, path like ``user.name`` or
    ``tags[2]`` (``path`` is the prefix); None when every key and string can be stored."""
    if isinstance(value, str):
        reason = text_flaw(value)
        return (path, reason) if reason else None
    if isinstance(value, float):
        return None if math.isfinite(value) else (path, _NOT_FINITE % value)
    if not isinstance(value, dict | list | tuple) or _clean(value, max_depth):
        return None
    stack = [(value, path, 1)]
    while stack:
        node, where, depth = stack.pop()
        if depth > max_depth:
            return where, f"is nested more than {max_depth} levels deep"
        if isinstance(node, dict):
            children = []
            for key, child in node.items():
                key_text = str(key)
                at = f"{where}.{key_text}" if where else key_text
                reason = text_flaw(key_text)
                if reason:
                    return where, f"has a key that {reason}"
                children.append((child, at))
        elif isinstance(node, list | tuple):
            children = [(child, f"{where}[{i}]") for i, child in enumerate(node)]
        else:
            continue
        for child, at in reversed(children):
            if isinstance(child, str):
                reason = text_flaw(child)
                if reason:
                    return at, reason
            elif isinstance(child, float) and not math.isfinite(child):
                return at, _NOT_FINITE % child
            elif isinstance(child, dict | list | tuple):
                stack.append((child, at, depth + 1))
    return None


def printable_for_db(text: str) -> str:
    """``text`` with NUL characters and lone surrogates replaced by U+FFFD."""
    if text.isascii() and _NUL not in text:
        return text
    text = text.replace(_NUL, "\ufffd")
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
