"""Step: segmentation_lexicon.csv, the two word lists behind tokens.csv: the jieba user
dictionary (words kept whole) and the stop-word list (words the counts leave out)."""

from __future__ import annotations

import pandas as pd

from gwr.data.steps.context import Context
from gwr.data.tokens import load_stopwords, load_userdict

TABLE = "segmentation_lexicon"


def run(context: Context) -> pd.DataFrame:
    """One row per word of each list, in file order, with how often it is a token."""
    # Load inputs.
    userdict = load_userdict(context.text)
    stopwords = load_stopwords()
    tokens = context.tables["tokens"]

    # Process data.
    as_token = tokens["token"].value_counts()
    rows = [{"word_list": "user_dictionary", "word": w.word, "frequency": w.frequency,
             "pos": w.pos} for w in userdict]
    rows += [{"word_list": "stop_word", "word": w, "frequency": None, "pos": ""}
             for w in stopwords]
    frame = pd.DataFrame(rows)
    frame["frequency"] = frame["frequency"].astype("Int64")
    frame["tokens"] = [int(as_token.get(w, 0)) for w in frame["word"]]
    assert not frame.duplicated(["word_list", "word"]).any()
    assert set(tokens.loc[tokens["is_stopword"], "token"]) <= set(stopwords)

    # Save outputs.
    return frame
