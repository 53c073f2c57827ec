"""Segment the article into tokens (jieba with the project's user dictionary) and decide which
tokens the word counts take; the user dictionary and the stop-word list of data/curated are
read and checked here."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba

from gwr import paths
from gwr.errors import CuratedDataError
from gwr.text.paragraphs import Paragraph

# jieba logs "Building prefix dict ..." to stderr on first use; in a notebook that is stderr
# output, which fails the strict build. Silence it before any tokenizer is initialised.
jieba.setLogLevel(logging.WARNING)

USERDICT_FILE = "jieba_userdict.txt"
STOPWORDS_FILE = "stopwords_zh.txt"
#: Why a token is not counted as a word, the first reason that applies, in this order.
EXCLUSIONS = ("heading", "no_letter", "single_character", "stop_word", "unit")

# A token counts as a word if it holds a Chinese character or a Latin letter (5G) and has at
# least two characters; punctuation, bare figures and single characters are left out.
_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# A token right after a figure is that figure's unit (3.48 | 万户, 2000 | 余场, 2 | 号线); it is
# part of a quantity, not vocabulary, and is left out with the figure.
_FIGURE = re.compile(r"^[0-9.,%％+]+$")
# jieba's user-dictionary format, as the project writes it: word, frequency, part of speech.
_USERDICT_LINE = re.compile(r"(\S+) ([1-9][0-9]*) ([A-Za-z]+)")


@dataclass(frozen=True)
class DictionaryWord:
    """One line of the user dictionary: a word jieba must keep whole."""

    word: str
    frequency: int
    pos: str


@dataclass(frozen=True)
class Token:
    """One token of a paragraph, with its [start, end) offsets in the whole text."""

    paragraph: int
    start: int
    end: int
    token: str
    is_stopword: bool
    excluded: str  # "" if the word counts take the token, else one of EXCLUSIONS

    @property
    def counted(self) -> bool:
        """Whether the word counts take this token."""
        return not self.excluded


def load_userdict(text: str, *, path: Path | None = None) -> list[DictionaryWord]:
    """The words of data/curated/jieba_userdict.txt, in file order, each checked for jieba's
    format (``word freq pos``), for duplicates and to occur in ``text``.

    Examples:
        >>> from gwr.text.source import load_source
        >>> words = load_userdict(load_source())
        >>> words[0]
        DictionaryWord(word='服务型政府', frequency=2000, pos='nz')
    """
    path = path or paths.curated_file(USERDICT_FILE)
    words, seen = [], set()
    for number, line in enumerate(_read(path), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"data/curated/{USERDICT_FILE}, line {number} ({line.split(' ')[0]!r})"
        match = _USERDICT_LINE.fullmatch(line)
        if not match:
            raise CuratedDataError(f"{where}: expected jieba's format 'word frequency pos' "
                                   "(one space between, a positive whole frequency, a "
                                   "part-of-speech tag of letters).")
        word = match.group(1)
        if word in seen:
            raise CuratedDataError(f"{where}: the word is listed twice; keep one line.")
        if word not in text:
            raise CuratedDataError(f"{where}: the word does not occur in the text; remove the "
                                   "line or correct the word.")
        seen.add(word)
        words.append(DictionaryWord(word, int(match.group(2)), match.group(3)))
    return words


def load_stopwords(*, path: Path | None = None) -> list[str]:
    """The stop words of data/curated/stopwords_zh.txt, in file order (comment lines skipped),
    each checked to be one word without spaces and listed once.

    Examples:
        >>> words = load_stopwords()
        >>> "的" in words, "推进" in words
        (True, False)
    """
    path = path or paths.curated_file(STOPWORDS_FILE)
    words: list[str] = []
    for number, line in enumerate(_read(path), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"data/curated/{STOPWORDS_FILE}, line {number} ({line!r})"
        if line != line.strip() or any(c.isspace() for c in line):
            raise CuratedDataError(f"{where}: one word per line, without spaces.")
        if line in words:
            raise CuratedDataError(f"{where}: the word is listed twice; keep one line.")
        words.append(line)
    return words


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer with the project's user dictionary loaded (built once)."""
    tk = jieba.Tokenizer()
    tk.initialize()
    tk.load_userdict(str(paths.curated_file(USERDICT_FILE)))
    return tk


def tokenize(text: str) -> list[str]:
    """Every token of ``text``, in order; joined, they give ``text`` back.

    The dictionary decides (HMM off), so the same text always gives the same tokens.

    Examples:
        >>> tokenize("完成3.48万户“煤改电”")
        ['完成', '3', '.', '48', '万户', '“', '煤改电', '”']
    """
    return tokenizer().lcut(text, HMM=False)


def exclusion(token: str, previous: str, *, heading: bool, stopwords: frozenset[str]) -> str:
    """Why the word counts leave ``token`` out (the first reason of EXCLUSIONS that applies),
    or "" if they take it: a word has two characters or more, a Chinese character or a letter,
    is not a stop word, stands in body text and does not follow a figure (its unit).

    Examples:
        >>> stop = frozenset({"的", "报告"})
        >>> [exclusion(t, "", heading=False, stopwords=stop)
        ...  for t in ["营商环境", "的", "3390", "，", "5G", "报告"]]
        ['', 'single_character', 'no_letter', 'no_letter', '', 'stop_word']
        >>> exclusion("万户", "48", heading=False, stopwords=stop)
        'unit'
        >>> exclusion("营商环境", "", heading=True, stopwords=stop)
        'heading'
    """
    if heading:
        return "heading"
    if not _WORDLIKE.search(token):
        return "no_letter"
    if len(token) < 2:
        return "single_character"
    if token in stopwords:
        return "stop_word"
    if _FIGURE.match(previous):
        return "unit"
    return ""


def segment(paragraphs: list[Paragraph], stopwords: frozenset[str]) -> list[Token]:
    """Every token of every paragraph, in text order, with why the word counts leave it out.

    Each paragraph is segmented on its own; a unit is the token right after a figure within
    the paragraph.

    Examples:
        >>> from gwr.text.paragraphs import split_paragraphs
        >>> rows = segment(split_paragraphs("标题\\n推进煤改电的工作，完成3.48万户。"),
        ...                frozenset({"的"}))
        >>> [(t.token, t.excluded) for t in rows if t.paragraph == 2][:4]
        [('推进', ''), ('煤改电', ''), ('的', 'single_character'), ('工作', '')]
        >>> [(t.start, t.token) for t in rows if t.counted]
        [(3, '推进'), (5, '煤改电'), (9, '工作'), (12, '完成')]
    """
    rows = []
    for para in paragraphs:
        offset, previous = para.start, ""
        for token in tokenize(para.text):
            rows.append(Token(para.number, offset, offset + len(token), token,
                              token in stopwords,
                              exclusion(token, previous, heading=para.is_heading,
                                        stopwords=stopwords)))
            offset += len(token)
            previous = token
    return rows


def _read(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise CuratedDataError(f"data/curated/{path.name}: file not found; restore it from "
                               "git.") from None
