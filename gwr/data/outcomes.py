"""Load what became of the 2020 plan (data/curated/outcomes.yml) and the full report's headline
targets (data/curated/headline_targets.yml), each judged from dated outside sources.

The promises in scope are fixed by the processed tables, not by the curated file: every distinct
target of the plan (indicators.csv, kind ``target``, not a ``repeat_of``), keyed by its
indicator_id, and every commitment with a deadline that states no such target, keyed by its
commitment_id. A promise without an entry, an entry for no promise, a status outside
:data:`STATUSES`, a date that is not ISO 8601, or a status other than ``no_public_evidence``
without a source each stop ``make data`` with the file and the entry named.

The status rules (chapter 8 states them in its method section):

- ``met``: a dated source shows the promise done by its deadline, or within 2020 if it has none;
- ``met_late``: a dated source shows it done, after its deadline;
- ``partly_met``: a source shows a figure reached in part by the deadline, or (this edition's
  extension) some parts of a promise of several parts done by the deadline and none of the
  others shown not done;
- ``missed``: a source dated after the deadline shows it not done by then (or not within 2020),
  and no source shows it done later; a promise of several parts is missed when one part is shown
  not done by the deadline and no source shows every part done later (one part done late and
  another not found is still missed, not met late);
- ``no_public_evidence``: no dated public source was found that shows the outcome; never a guess,
  and not evidence of failure.

A status rests on a dated public source: an official text, or a news report read at the outlet's
own site or at a copy that dates it (in its text or its address). A copy counts whether it names
the original publisher, names none (its reference then says "Publisher not named") or lets the
publisher be inferred only from its address (its reference says the publisher is inferred); like
every copy, it has the confidence ``repost``.

An outcome is dated by what the source says it describes (a day, a month, "the first half of
2020", "2018 to 2020"); a state that a source gives only as current (目前) is dated by the source
itself, and counts as the state at the deadline only if the source appeared within
:data:`STATE_WINDOW_DAYS` days after it. The checks below hold each status to its dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from gwr.curated import check_choice, check_fields, load_yaml_mapping, split_mappings
from gwr.errors import CuratedDataError

OUTCOMES_FILE = "outcomes.yml"
HEADLINE_FILE = "headline_targets.yml"
# The statuses, defined in the module's docstring.
STATUSES = ("met", "met_late", "partly_met", "missed", "no_public_evidence")
# official: a government or statistics-bureau source; press: a named outlet; repost: a copy
# whose original could not be seen.
CONFIDENCES = ("official", "press", "repost")
QUALIFIERS = ("exact", "about", "more_than", "at_least", "nearly", "at_most")
# A state that a source reports as current (目前) counts as the state at a deadline if the
# source appeared within this many days after it: year-end results are reported in the weeks
# after the year ends, and nothing later is read back to the deadline.
STATE_WINDOW_DAYS = 31
# The year of the plan: a promise without a deadline is judged by the end of it.
YEAR_END = dt.date(2020, 12, 31)
OUTCOME_COLUMNS = ["promise_id", "paragraph", "commitment_id", "indicator_id", "task_order",
                   "label_en", "subject_en", "target_value", "unit_en", "qualifier", "deadline",
                   "status", "outcome_value", "outcome_qualifier", "outcome_unit",
                   "outcome_date", "source_key", "source_url", "source_published", "confidence",
                   "other_source_keys", "evidence_zh", "searched", "note"]
HEADLINE_COLUMNS = ["headline_id", "indicator_en", "indicator_zh", "target_value", "unit_en",
                    "qualifier", "target_zh", "outcome_value", "outcome_zh", "status",
                    "target_source_key", "outcome_source_key", "context_zh", "searched", "note"]
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# Queries tried without result are joined with this in the processed tables.
QUERY_SEPARATOR = " | "

_SOURCE_FIELDS = {"publisher": str, "title": str, "published": (str, int, dt.date), "url": str,
                  "confidence": str, "note": str}
_SOURCE_OPTIONAL = {"title_en": str, "published_basis": str, "read": (str, dt.date),
                    "original_url": str}
_PROMISE_FIELDS = {"status": str, "label_en": str, "note": str}
_PROMISE_OPTIONAL = {"outcome_value": (int, float), "outcome_qualifier": str,
                     "outcome_unit": str, "outcome_date": (str, int, dt.date), "source": str,
                     "also": list, "evidence_zh": str, "searched": list}
_HEADLINE_FIELDS = {"indicator_en": str, "indicator_zh": str, "target_value": (int, float),
                    "unit_en": str, "qualifier": str, "target_zh": str, "target_source": str,
                    "note": str}
_HEADLINE_OPTIONAL = {"outcome_value": (int, float), "outcome_zh": str, "outcome_source": str,
                      "status": str, "context_zh": str, "searched": list}
HEADLINE_STATUSES = ("met", "missed", "no_public_evidence")


def iso_date(value: Any, where: str) -> str:
    """An ISO 8601 date (day, month or year precision) as text; CuratedDataError otherwise.

    Examples:
        >>> iso_date(dt.date(2020, 12, 12), "x"), iso_date("2020-06", "x"), iso_date(2021, "x")
        ('2020-12-12', '2020-06', '2021')
        >>> iso_date("12/12/2020", "x")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        gwr.errors.CuratedDataError: x: '12/12/2020' is not an ISO date (YYYY-MM-DD, ...).
    """
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if ISO_DATE.fullmatch(text):
        try:
            first_day(text)
            return text
        except ValueError:
            pass
    raise CuratedDataError(f"{where}: {text!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or "
                           "YYYY).")


def first_day(text: str) -> dt.date:
    """The first day that an ISO date of any precision names.

    Examples:
        >>> first_day("2020-06"), first_day("2021")
        (datetime.date(2020, 6, 1), datetime.date(2021, 1, 1))
    """
    return dt.date.fromisoformat({4: f"{text}-01-01", 7: f"{text}-01"}.get(len(text), text))


def check_dates(status: str, outcome_date: str | None, deadline: Any, where: str) -> None:
    """Hold a status to its dates: ``met`` and ``partly_met`` to an outcome by the deadline
    (or within :data:`STATE_WINDOW_DAYS` after it, for a state reported as current),
    ``met_late`` to an outcome after it, ``missed`` to a source dated after it.

    Examples:
        >>> check_dates("met", "2020-06", pd.Timestamp("2020-06-30"), "x")
        >>> check_dates("met_late", "2020-12-12", None, "x")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        gwr.errors.CuratedDataError: x: status 'met_late' needs an outcome after the deadline ...
    """
    if status == "no_public_evidence":
        return
    due = YEAR_END if deadline is None or pd.isna(deadline) else pd.Timestamp(deadline).date()
    if outcome_date is None:
        if status in ("met", "met_late", "missed"):
            raise CuratedDataError(f"{where}: status {status!r} needs the date of the outcome "
                                   "(outcome_date).")
        return
    start = first_day(outcome_date)
    late = start > due
    if status in ("met", "partly_met") and start > due + dt.timedelta(STATE_WINDOW_DAYS):
        raise CuratedDataError(f"{where}: status {status!r} needs an outcome by the deadline "
                               f"({due}), or a state reported within {STATE_WINDOW_DAYS} days "
                               f"after it; {outcome_date} is later.")
    if status == "met_late" and not late:
        raise CuratedDataError(f"{where}: status 'met_late' needs an outcome after the deadline "
                               f"({due}), not {outcome_date}.")
    if status == "missed" and not late:
        raise CuratedDataError(f"{where}: status 'missed' needs a source dated after the "
                               f"deadline ({due}) that shows it not done; {outcome_date} is not.")


def joined(values: Iterable[str] | None) -> str | None:
    """Queries or keys as one cell of a processed table (None for none).

    Examples:
        >>> joined(["太原 5G", "5G 基站"]), joined([])
        ('太原 5G | 5G 基站', None)
    """
    values = [str(v) for v in values or []]
    return QUERY_SEPARATOR.join(values) if values else None


def promises_in_scope(indicators: pd.DataFrame, commitments: pd.DataFrame) -> pd.DataFrame:
    """Every checkable promise of the plan, one row each, in the text's order.

    A target is keyed by its indicator_id (two targets of one clause are two promises); a dated
    commitment that states no distinct target is keyed by its commitment_id.
    """
    def blank(column: pd.Series) -> pd.Series:  # processed tables read "" where CSV is empty
        return column.isna() | (column.astype(str) == "")

    targets = indicators[(indicators["kind"] == "target") & blank(indicators["repeat_of"])]
    with_target = set(targets.loc[~blank(targets["commitment_id"]), "commitment_id"])
    dated = commitments[~blank(commitments["deadline"])
                        & ~commitments["commitment_id"].isin(with_target)]
    rows = [{"promise_id": t.indicator_id, "paragraph": t.paragraph, "start": t.start,
             "commitment_id": t.commitment_id or None, "indicator_id": t.indicator_id,
             "subject_en": t.subject_en, "target_value": t.value, "unit_en": t.unit_en,
             "qualifier": t.qualifier, "deadline": t.deadline} for t in targets.itertuples()]
    rows += [{"promise_id": c.commitment_id, "paragraph": c.paragraph, "start": c.start,
              "commitment_id": c.commitment_id, "indicator_id": None, "subject_en": None,
              "target_value": None, "unit_en": None, "qualifier": None,
              "deadline": c.deadline} for c in dated.itertuples()]
    frame = pd.DataFrame(rows).sort_values(["paragraph", "start", "promise_id"])
    task = commitments.set_index("commitment_id")["task_order"]
    frame.insert(4, "task_order", frame["commitment_id"].map(task))
    return frame.drop(columns="start").reset_index(drop=True)


def load_sources(entries: dict[str, dict], name: str = OUTCOMES_FILE) -> dict[str, dict]:
    """The ``sources`` of a curated file, each checked: fields, confidence, ISO dates."""
    sources = {}
    for key, entry in entries.items():
        where = f"data/curated/{name}, source {key!r}"
        check_fields(name, key, entry, _SOURCE_FIELDS, _SOURCE_OPTIONAL)
        check_choice(where, "confidence", entry["confidence"], CONFIDENCES)
        if not str(entry["url"]).startswith(("http://", "https://")):
            raise CuratedDataError(f"{where}: url {entry['url']!r} is not a web address.")
        sources[key] = {**entry, "published": iso_date(entry["published"], where)}
    return sources


def load_outcomes(promises: pd.DataFrame, *, curated: dict | None = None) -> pd.DataFrame:
    """outcomes.csv: one row per promise in scope, with its status and its evidence."""
    data = curated if curated is not None else load_yaml_mapping(OUTCOMES_FILE)
    source_entries, entries = split_mappings(OUTCOMES_FILE, data, ("sources", "promises"))
    sources = load_sources(source_entries)
    scope = promises.set_index("promise_id")
    unknown = [k for k in entries if k not in scope.index]
    if unknown:
        raise CuratedDataError(f"data/curated/{OUTCOMES_FILE}, entry {unknown[0]!r}: not a "
                               "promise in scope (an indicator_id of a distinct target, or the "
                               "commitment_id of a dated commitment without one).")
    missing = [k for k in scope.index if k not in entries]
    if missing:
        raise CuratedDataError(f"data/curated/{OUTCOMES_FILE}: no entry for the promise "
                               f"{missing[0]!r} (¶{scope.loc[missing[0], 'paragraph']}); add one, "
                               f"with status no_public_evidence if no source was found "
                               f"({len(missing)} missing in all).")
    rows = []
    for promise_id, promise in scope.iterrows():
        entry = entries[promise_id]
        where = f"data/curated/{OUTCOMES_FILE}, entry {promise_id!r}"
        check_fields(OUTCOMES_FILE, promise_id, entry, _PROMISE_FIELDS, _PROMISE_OPTIONAL)
        status = entry["status"]
        check_choice(where, "status", status, STATUSES)
        if entry.get("outcome_qualifier") not in (None, *QUALIFIERS):
            raise CuratedDataError(f"{where}: outcome_qualifier {entry['outcome_qualifier']!r} "
                                   f"is not one of {', '.join(QUALIFIERS)}.")
        if (entry.get("outcome_qualifier") or entry.get("outcome_unit")) and \
                entry.get("outcome_value") is None:
            raise CuratedDataError(f"{where}: outcome_qualifier and outcome_unit describe an "
                                   "outcome_value; give it, or drop them.")
        key = entry.get("source")
        if status == "no_public_evidence":
            if key or entry.get("outcome_value") is not None:
                raise CuratedDataError(f"{where}: no_public_evidence takes no source and no "
                                       "outcome; give the status the source supports.")
            if not entry.get("searched"):
                raise CuratedDataError(f"{where}: say what was searched for (searched: [...]), "
                                       "so that the next reader need not search again.")
        elif not key:
            raise CuratedDataError(f"{where}: status {status!r} needs a source (source: <key "
                                   f"of sources>); without one the status is no_public_evidence.")
        for ref in [key, *(entry.get("also") or [])]:
            if ref and ref not in sources:
                raise CuratedDataError(f"{where}: source {ref!r} is not among the sources of "
                                       f"data/curated/{OUTCOMES_FILE}.")
        if key and not entry.get("evidence_zh"):
            raise CuratedDataError(f"{where}: quote the source's words (evidence_zh).")
        outcome_date = (iso_date(entry["outcome_date"], where)
                        if entry.get("outcome_date") is not None else None)
        check_dates(status, outcome_date, promise["deadline"], where)
        if entry.get("searched") and status != "no_public_evidence":
            raise CuratedDataError(f"{where}: searched lists queries that found nothing; a "
                                   f"status {status!r} rests on its source instead.")
        source = sources.get(key, {})
        rows.append({**promise.to_dict(), "promise_id": promise_id,
                     "label_en": entry["label_en"], "status": status,
                     "outcome_value": entry.get("outcome_value"),
                     "outcome_qualifier": entry.get("outcome_qualifier"),
                     "outcome_unit": entry.get("outcome_unit"), "outcome_date": outcome_date,
                     "source_key": key, "source_url": source.get("url"),
                     "source_published": source.get("published"),
                     "confidence": source.get("confidence"),
                     "other_source_keys": joined(entry.get("also")),
                     "evidence_zh": entry.get("evidence_zh"),
                     "searched": joined(entry.get("searched")), "note": entry["note"]})
    return pd.DataFrame(rows, columns=OUTCOME_COLUMNS)


def load_headline_targets(*, curated: dict | None = None) -> pd.DataFrame:
    """headline_targets.csv: the full report's headline targets and how 2020 ended for them."""
    data = curated if curated is not None else load_yaml_mapping(HEADLINE_FILE)
    source_entries, entries = split_mappings(HEADLINE_FILE, data, ("sources", "targets"))
    sources = load_sources(source_entries, HEADLINE_FILE)
    rows = []
    for key, entry in entries.items():
        where = f"data/curated/{HEADLINE_FILE}, entry {key!r}"
        check_fields(HEADLINE_FILE, key, entry, _HEADLINE_FIELDS, _HEADLINE_OPTIONAL)
        check_choice(where, "qualifier", entry["qualifier"], QUALIFIERS)
        for field in ("target_source", "outcome_source"):
            if entry.get(field) and entry[field] not in sources:
                raise CuratedDataError(f"{where}: {field} {entry[field]!r} is not among the "
                                       f"sources of data/curated/{HEADLINE_FILE}.")
        has_outcome = entry.get("outcome_value") is not None
        if has_outcome != bool(entry.get("outcome_source")):
            raise CuratedDataError(f"{where}: an outcome_value needs its outcome_source, and "
                                   "an outcome_source its outcome_value.")
        if has_outcome != bool(entry.get("outcome_zh")):
            raise CuratedDataError(f"{where}: quote the outcome's source (outcome_zh) for an "
                                   "outcome, and only for one.")
        status = headline_status(entry["target_value"], entry["qualifier"],
                                 entry.get("outcome_value"))
        if entry.get("status") not in (None, status):
            raise CuratedDataError(f"{where}: status {entry['status']!r} contradicts the rule, "
                                   f"which gives {status!r} for the target and the outcome.")
        if status == "no_public_evidence" and not entry.get("searched"):
            raise CuratedDataError(f"{where}: say what was searched for (searched: [...]), "
                                   "so that the next reader need not search again.")
        rows.append({"headline_id": key, "indicator_en": entry["indicator_en"],
                     "indicator_zh": entry["indicator_zh"], "target_value": entry["target_value"],
                     "unit_en": entry["unit_en"], "qualifier": entry["qualifier"],
                     "target_zh": entry["target_zh"],
                     "outcome_value": entry.get("outcome_value"),
                     "outcome_zh": entry.get("outcome_zh"), "status": status,
                     "target_source_key": entry["target_source"],
                     "outcome_source_key": entry.get("outcome_source"),
                     "context_zh": entry.get("context_zh"),
                     "searched": joined(entry.get("searched")), "note": entry["note"]})
    return pd.DataFrame(rows, columns=HEADLINE_COLUMNS)


def headline_status(target: float, qualifier: str, outcome: float | None) -> str:
    """Met or missed, by the target's own qualifier; "about" a growth target counts as met
    from the target less half a point (a rule of this edition, stated in chapter 8).

    Examples:
        >>> headline_status(7, "about", 2.6), headline_status(8, "exact", 11.3)
        ('missed', 'met')
        >>> headline_status(4.2, "at_most", 3.9), headline_status(3.5, "about", None)
        ('met', 'no_public_evidence')
    """
    if outcome is None:
        return "no_public_evidence"
    if qualifier == "at_most":
        return "met" if outcome <= target else "missed"
    floor = target - 0.5 if qualifier == "about" else target
    return "met" if outcome >= floor else "missed"
