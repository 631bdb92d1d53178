"""Anonymous survey answers: a keyed hash stands in for the respondent, views come in steps.

Who answered: the database keeps HMAC-SHA256(key, training id, Slack user id) as the answer's
key instead of the user id. Without the key (BOT_SECRET_KEY, which never enters the database
or its backups) no one reading the database or a report can tell whose answer a row is, not
even by hashing every user id of the workspace; with it, the bot can still find a person's
own answer to fill the form in with it and to replace it. The key is the row's primary key,
so rows carry no sequence number, and only the day of an answer is kept.

What answered: results are shown as *views*, each a fixed copy of the answers at the moment
it was released (issue 13, "anonymity that survives comparison"):

- no view is shown with fewer than `min_answers` answers;
- a new view may follow an earlier one only when the two differ by at least `min_answers`
  answers (new or changed), so comparing any two views never isolates fewer people than
  that; in practice the final view comes when the evaluation closes, and a coordinator may
  release an interim view before, when enough has changed;
- every figure shown anywhere (results, chart, closing notices, totals per subject and per
  organiser, the owners' summary, the export) is computed from shown views only. A view
  that is not shown never enters a total, so no total minus the groups shown beside it can
  reveal it: that is the complementary suppression, applied where the hidden figures would
  come from.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

ANSWER_KEY_LENGTH = 64
_CONTEXT = b"samverkansbot/survey-respondent/v1"


def answer_key(secret: bytes, training_id: int, user_id: str) -> str:
    """Return the key of user_id's answer to one training: 64 hex digits of HMAC-SHA256.

    Raises ValueError for an empty secret. The same person gets unrelated keys for two
    trainings, so answers to different trainings cannot be linked to one person either.
    """
    if not secret:
        raise ValueError("an answer key needs a non-empty secret")
    message = b"\x00".join((_CONTEXT, str(int(training_id)).encode(), user_id.encode()))
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


class Answer(NamedTuple):
    """One answer as a view holds it: the two ratings (1-5) and the two free texts."""

    before: int
    after: int
    will_use: str
    was_missing: str


def view_difference(old: Iterable[Answer], new: Iterable[Answer]) -> int:
    """Return by how many answers two views differ (answers added, changed or removed).

    Views are compared as multisets, order playing no part: a changed answer counts once,
    an answer added or removed once.
    """
    before, after = Counter(old), Counter(new)
    return max(sum((after - before).values()), sum((before - after).values()))


def may_show_view(shown: Iterable[Answer] | None, now: Iterable[Answer], min_answers: int) -> bool:
    """Tell whether the answers now may be shown as a new view after the view shown (or none).

    The rule of issue 13: at least min_answers answers, and at least min_answers of them new
    or changed since the view shown before.
    """
    current = list(now)
    if len(current) < max(min_answers, 1):
        return False
    return view_difference(shown or (), current) >= max(min_answers, 1)


def shown(answers: int, min_answers: int) -> bool:
    """Tell whether a view of this many answers may be shown (and counted in totals)."""
    return answers >= max(min_answers, 1)
