"""Anonymous survey answers: a keyed hash stands in for the respondent.

The database keeps HMAC-SHA256(key, training id, Slack user id) instead of the user id.
Without the key (BOT_SECRET_KEY, which never enters the database) no one reading the
database or a report can tell whose answer a row is, not even by hashing every user id
of the workspace; with it, the bot can still find a person's own answer to replace it.
"""

from __future__ import annotations

import hashlib
import hmac

RESPONDENT_KEY_LENGTH = 64
_CONTEXT = b"samverkansbot/survey-respondent/v1"


def respondent_key(secret: bytes, training_id: int, user_id: str) -> str:
    """Return the keyed hash that stands for user_id in the answers of one training."""
    if not secret:
        raise ValueError("a respondent key needs a non-empty secret")
    message = b"\x00".join((_CONTEXT, str(int(training_id)).encode(), user_id.encode()))
    return hmac.new(secret, message, hashlib.sha256).hexdigest()
