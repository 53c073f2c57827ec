"""Read the qualifier of a stated figure (about, more than, at least, nearly …) from its words."""

from __future__ import annotations

#: Words standing before a number, longest first, and the qualifier each expresses.
BEFORE = {"不少于": "at_least", "不低于": "at_least", "不超过": "at_most", "超过": "more_than",
          "至少": "at_least", "约": "about", "近": "nearly"}
#: Words standing right after the number and its multiplier (余, 多), or after the unit.
AFTER_NUMBER = {"余": "more_than", "多": "more_than"}
# 以后 ("18时以后", ¶97) is read like 以上: in Chinese administrative usage 以上/以下/以后
# include the figure itself.
AFTER_UNIT = {"以上": "at_least", "以后": "at_least", "左右": "about", "以内": "at_most",
              "以下": "at_most"}
QUALIFIERS = ("exact", "about", "more_than", "at_least", "nearly", "at_most")


def qualifier_before(text: str) -> tuple[str, str] | None:
    """The qualifier word that ``text`` ends with, and its qualifier, if any.

    Examples:
        >>> qualifier_before("惠及群众近")
        ('近', 'nearly')
        >>> qualifier_before("各城区每年新建公办园不少于")
        ('不少于', 'at_least')
        >>> qualifier_before("完成") is None
        True
    """
    for word in sorted(BEFORE, key=len, reverse=True):
        if text.endswith(word):
            return word, BEFORE[word]
    return None


def qualifier_after(text: str, table: dict[str, str]) -> tuple[str, str] | None:
    """The qualifier word that ``text`` starts with, looked up in ``table``.

    Examples:
        >>> qualifier_after("以上，科技型", AFTER_UNIT)
        ('以上', 'at_least')
        >>> qualifier_after("余人，创新", AFTER_NUMBER)
        ('余', 'more_than')
        >>> qualifier_after("套，基本", AFTER_UNIT) is None
        True
    """
    for word in sorted(table, key=len, reverse=True):
        if text.startswith(word):
            return word, table[word]
    return None


def combine(found: list[str]) -> str:
    """One qualifier from the words found around a figure; ``exact`` when there are none.

    Examples:
        >>> combine([]), combine(["at_least"])
        ('exact', 'at_least')
        >>> combine(["nearly", "at_least"])
        Traceback (most recent call last):
        ...
        ValueError: conflicting qualifiers: nearly, at_least
    """
    if not found:
        return "exact"
    if len(set(found)) > 1:
        raise ValueError(f"conflicting qualifiers: {', '.join(found)}")
    return found[0]
