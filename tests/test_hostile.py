"""Hostile input: any text reaches the right command, never a 5xx, never half-written."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot.domain.validation import clean_text
from commands.edge.ids import Field
from storage.models import Need, NeedEvent, OutboxMessage
from tests.harness import ANNA, RunningBot

HOSTILE = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "<!channel>",
            "<!here> hej",
            "<@U0LEDARE1>",
            "*fet* _kursiv_ `kod`",
            "' OR 1=1; --",
            "\"citat\" och 'apostrof'",
            "🚨💊🧪",
            "lista",
            "LISTA egna",
            "hjälp",
            "\u0000\u202e",
            "x" * 3000,
            "<https://evil.example|klicka>",
            "&lt;script&gt;",
            "121212-1212",
            "\n\n\n",
            "   ",
            "/behov lista",
            "%s%s%n",
            "${jndi:ldap://x}",
        ]
    ),
)
PROFILE = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def counts(running: RunningBot) -> tuple[int, int, int]:
    with running.bot.db.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(Need)) or 0,
            session.scalar(select(func.count()).select_from(NeedEvent)) or 0,
            session.scalar(select(func.count()).select_from(OutboxMessage)) or 0,
        )


def mrkdwn_texts(payload: Any) -> list[str]:
    """Return the texts Slack formats as mrkdwn (message text and mrkdwn objects)."""
    found: list[str] = []
    if isinstance(payload, dict):
        if isinstance(payload.get("text"), str) and payload.get("type") != "plain_text":
            found.append(payload["text"])
        for key, value in payload.items():
            if key != "text" or not isinstance(value, str):
                found += mrkdwn_texts(value)
    elif isinstance(payload, list):
        for item in payload:
            found += mrkdwn_texts(item)
    return found


def no_mentions(payload: Any) -> None:
    """Fail when anything the bot sent would ping a channel or link where the user typed it."""
    for text in mrkdwn_texts(payload):
        assert "<!channel>" not in text
        assert "<!here>" not in text
        assert "<https://evil" not in text


@PROFILE
@given(command=st.sampled_from(["/behov", "/samverkan"]), text=HOSTILE)
def test_any_command_text_gets_an_answer_and_no_server_error(
    running: RunningBot, command: str, text: str
) -> None:
    running.standin.reset()
    before = counts(running)
    result = running.command(command, text, ANNA)
    assert result.status == 200
    # Every command answers: a form, or a private answer.
    running.standin.wait_until(
        lambda: bool(running.standin.responses or running.standin.calls_to("views.update"))
    )
    for call in running.standin.calls:
        no_mentions(call.args)
    for _, body in running.standin.responses:
        no_mentions(body)
    assert counts(running) == before


@PROFILE
@given(title=HOSTILE, description=HOSTILE)
def test_any_needs_form_text_is_stored_whole_or_not_at_all(
    running: RunningBot, title: str, description: str
) -> None:
    running.standin.reset()
    running.command("/behov", "", ANNA)
    view = running.standin.wait_for("views.update", 1)[-1].args["view"]
    for block in view["blocks"]:
        block.get("element", {}).pop("max_length", None)
    answers: dict[str, Any] = {
        Field.NEED_FOCUS: "other",
        Field.NEED_SCOPE: "county",
        Field.NEED_URGENCY: "low",
    }
    if title:
        answers[Field.NEED_TITLE] = title
    if description:
        answers[Field.NEED_DESCRIPTION] = description
    needs, events, messages = counts(running)
    result = running.submit(view, answers, ANNA, view_id=f"V{needs}{len(title)}", forged=True)
    assert result.status == 200
    after = counts(running)
    answer = result.json()
    if answer is None:  # accepted: one need, one event, its card and its confirmation
        assert after == (needs + 1, events + 1, messages + 2)
        with running.bot.db.reading() as session:
            stored = session.scalars(select(Need).order_by(Need.id.desc())).first()
            assert stored is not None
            assert stored.title == clean_text(title)
        posts = running.standin.wait_for("chat.postMessage", 2)
        for call in posts:
            no_mentions(call.args)
    else:
        assert answer["response_action"] in {"errors", "update"}
        assert set(answer.get("errors", {})) <= {Field.NEED_TITLE, Field.NEED_DESCRIPTION}
        assert after == (needs, events, messages)
