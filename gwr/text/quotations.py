"""Find the phrases the source sets in quotation marks “…” (the candidates for formulations)."""

from __future__ import annotations

import re

_QUOTED = re.compile(r"“([^“”]+)”")


def quoted_phrases(text: str) -> list[tuple[int, str]]:
    """Every phrase the text sets in quotation marks “…”: the offset of its first character
    and the phrase, in text order.

    Examples:
        >>> quoted_phrases("完成3.48万户“煤改电”“煤改气”，增强“四个意识”")
        [(9, '煤改电'), (14, '煤改气'), (22, '四个意识')]
    """
    return [(m.start(1), m.group(1)) for m in _QUOTED.finditer(text)]
