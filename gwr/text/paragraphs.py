"""Split the source text into paragraphs (one per line, ¶1-¶110) with code-point offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line is body text when, once a closing credit in brackets is set aside, it ends in
# sentence-final punctuation. Headings in the article never do.
_SENTENCE_END = ("。", "！", "？", "”", "」")
_TRAILING_CREDIT = re.compile(r"[（(][^（）()]*[）)]$")
# A sentence ends at a run of 。！？, with any closing quotes or brackets that follow it
# (“…。” ends inside the quote). A semicolon or comma never ends one.
_SENTENCE_STOP = re.compile(r"[。！？]+[”’」』）)]*")


@dataclass(frozen=True)
class Paragraph:
    """One line of the source: its 1-based number, [start, end) offsets, and its text."""

    number: int
    start: int
    end: int
    text: str

    @property
    def is_heading(self) -> bool:
        """True for a headline or section heading (no sentence-final punctuation)."""
        return is_heading_text(self.text)

    @property
    def sentences(self) -> int:
        """Number of sentences in the paragraph (see count_sentences)."""
        return count_sentences(self.text)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split ``text`` on line feeds; offsets are 0-based code points, end exclusive.

    Examples:
        >>> paras = split_paragraphs("标题\\n正文。")
        >>> [(p.number, p.start, p.end, p.text) for p in paras]
        [(1, 0, 2, '标题'), (2, 3, 6, '正文。')]
    """
    if "\r" in text:
        raise ValueError("the source text must use LF line ends; found a carriage return")
    paragraphs, start = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        end = start + len(line)
        paragraphs.append(Paragraph(number, start, end, line))
        start = end + 1  # skip the line feed
    return paragraphs


def paragraph_at(paragraphs: list[Paragraph], offset: int) -> int:
    """Number of the paragraph that holds the character at ``offset``.

    Examples:
        >>> paragraph_at(split_paragraphs("甲乙\\n丙"), 3)
        2
    """
    return next(p.number for p in paragraphs if p.start <= offset < p.end)


def is_heading_text(line: str) -> bool:
    """Whether a line reads as a heading rather than a sentence.

    Examples:
        >>> is_heading_text("经济高质量发展")
        True
        >>> is_heading_text("汽车客运东南站8月开通运营。")
        False
        >>> is_heading_text("永葆为民务实清廉的政治本色。（记者李飞飞　薛建英 李晶）")
        False
    """
    core = _TRAILING_CREDIT.sub("", line.strip())
    return bool(core) and not core.endswith(_SENTENCE_END)


def count_sentences(line: str) -> int:
    """Number of sentences in a line: runs ending in 。！？, plus any unpunctuated remainder.

    A heading, which has no sentence-final punctuation, counts as one; a closing credit in
    brackets after the last full stop (the reporters' names in ¶110) is not a sentence.

    Examples:
        >>> count_sentences("汽车客运东南站8月开通运营。")
        1
        >>> count_sentences("一是慎终如始抓好疫情防控。二是坚定不移实施工业强市战略。")
        2
        >>> count_sentences("实现“3390”改革目标，营商环境便利度综合排名全省第一。")
        1
        >>> count_sentences("他说：“今年要干。”随后散会。")
        2
        >>> count_sentences("经济高质量发展"), count_sentences("")
        (1, 0)
        >>> count_sentences("永葆为民务实清廉的政治本色。（记者李飞飞　薛建英 李晶）")
        1
    """
    stops = list(_SENTENCE_STOP.finditer(line))
    rest = line[stops[-1].end():] if stops else line
    rest = _TRAILING_CREDIT.sub("", rest.strip()).strip()
    return len(stops) + (1 if rest else 0)
