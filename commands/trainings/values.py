"""What the trainings write on their buttons and in their forms, read back through the codec."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, model_validator

from bot.domain.survey_stats import SCALE_MAX, SCALE_MIN
from commands.edge.codec import RowId, Value

Rating = Annotated[int, Field(ge=SCALE_MIN, le=SCALE_MAX)]  # a step of the 1-5 knowledge scale


class TrainingRef(Value):
    """One training: the send-now, results and answer buttons, and page 1's metadata.

    Buttons posted before these values were JSON carry the bare id ("12"); an evaluation stays
    open for weeks and a training's message for good, so that shape is read too.
    """

    training: RowId

    @model_validator(mode="before")
    @classmethod
    def _bare_id(cls, data: Any) -> Any:
        """Read a bare id (an int, never a bool or a float) as {"training": id}."""
        return {"training": data} if type(data) is int else data


class AnswerAfter(Value):
    """Page 2's metadata: the training, and the knowledge after it as chosen on page 1."""

    training: RowId
    after: Rating
