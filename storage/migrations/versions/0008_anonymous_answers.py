"""anonymous answers: keyed by their HMAC, no sequence, no order; released views of results

Revision ID: 0008
Revises: 0005
Depends on: 0003
Create Date: 2027-01-20

Survey answers lose their sequential id: the answer's key (the HMAC of training and person
that was the `respondent` column) becomes the primary key, only the day of the answer is
kept, and the table is rewritten in key order (on SQLite as a WITHOUT ROWID table, so no
hidden row number remains either). Results are shown from released views from now on
(evaluation_views): every evaluation already closed gets its final view, holding the answers
it was shown with; open evaluations show their results when they close.
"""

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from alembic import op
import sqlalchemy as sa
import storage.types


revision = '0008'
down_revision = '0005'
branch_labels = None
depends_on = '0003'

_when = storage.types.UTCDateTime(timezone=True)
trainings = sa.table(
    'trainings',
    sa.column('id', sa.Integer()),
    sa.column('evaluation_closed_at', _when),
)
old_answers = sa.table(
    'survey_responses',
    sa.column('id', sa.Integer()),
    sa.column('training_id', sa.Integer()),
    sa.column('respondent', sa.String()),
    sa.column('knowledge_before', sa.Integer()),
    sa.column('knowledge_after', sa.Integer()),
    sa.column('will_use', sa.Text()),
    sa.column('was_missing', sa.Text()),
    sa.column('answered_on', sa.Date()),
)
new_answers = sa.table(
    'survey_responses',
    sa.column('key', sa.String()),
    sa.column('training_id', sa.Integer()),
    sa.column('knowledge_before', sa.Integer()),
    sa.column('knowledge_after', sa.Integer()),
    sa.column('will_use', sa.Text()),
    sa.column('was_missing', sa.Text()),
    sa.column('answered_on', sa.Date()),
)
views = sa.table(
    'evaluation_views',
    sa.column('training_id', sa.Integer()),
    sa.column('number', sa.Integer()),
    sa.column('kind', sa.String()),
    sa.column('shown_on', sa.Date()),
    sa.column('current', sa.Boolean()),
    sa.column('answer_count', sa.Integer()),
    sa.column('sum_before', sa.Integer()),
    sa.column('sum_after', sa.Integer()),
    sa.column('answered_from', sa.Date()),
    sa.column('content', sa.JSON()),
)


def _day(value: Any) -> date:
    """Return a stored day as a date, whatever time of day may have come with it."""
    return value.date() if isinstance(value, datetime) else value


def _drop_answers() -> None:
    """Drop the answers table and its index."""
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_responses_training_id'))
    op.drop_table('survey_responses')


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(old_answers).order_by(old_answers.c.respondent)).all()
    _drop_answers()
    op.create_table('survey_responses',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('training_id', sa.Integer(), nullable=False),
    sa.Column('knowledge_before', sa.Integer(), nullable=False),
    sa.Column('knowledge_after', sa.Integer(), nullable=False),
    sa.Column('will_use', sa.Text(), nullable=False),
    sa.Column('was_missing', sa.Text(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['training_id'], ['trainings.id'], name=op.f('fk_survey_responses_training_id_trainings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_survey_responses')),
    sqlite_with_rowid=False,
    )
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_responses_training_id'), ['training_id'], unique=False)
    if rows:
        connection.execute(
            new_answers.insert(),
            [
                {
                    'key': row.respondent,
                    'training_id': row.training_id,
                    'knowledge_before': row.knowledge_before,
                    'knowledge_after': row.knowledge_after,
                    'will_use': row.will_use,
                    'was_missing': row.was_missing,
                    'answered_on': _day(row.answered_on),
                }
                for row in rows
            ],
        )

    op.create_table('evaluation_views',
    sa.Column('training_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('shown_on', sa.Date(), nullable=False),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.Column('answer_count', sa.Integer(), nullable=False),
    sa.Column('sum_before', sa.Integer(), nullable=False),
    sa.Column('sum_after', sa.Integer(), nullable=False),
    sa.Column('answered_from', sa.Date(), nullable=True),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['training_id'], ['trainings.id'], name=op.f('fk_evaluation_views_training_id_trainings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('training_id', 'number', name=op.f('pk_evaluation_views'))
    )
    with op.batch_alter_table('evaluation_views', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_views_current'), ['current'], unique=False)
    _final_views(connection, rows)


def _final_views(connection: Any, rows: list[Any]) -> None:
    """Give every closed evaluation with answers its final view: the answers it was shown with."""
    closed = dict(
        connection.execute(
            sa.select(trainings.c.id, trainings.c.evaluation_closed_at).where(
                trainings.c.evaluation_closed_at.is_not(None)
            )
        ).all()
    )
    by_training: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        if row.training_id in closed:
            by_training[row.training_id].append(row)
    for training_id, answers in sorted(by_training.items()):
        content = sorted(
            [a.knowledge_before, a.knowledge_after, a.will_use, a.was_missing] for a in answers
        )
        connection.execute(
            views.insert().values(
                training_id=training_id,
                number=1,
                kind='final',
                shown_on=closed[training_id].date(),
                current=True,
                answer_count=len(answers),
                sum_before=sum(a.knowledge_before for a in answers),
                sum_after=sum(a.knowledge_after for a in answers),
                answered_from=min(_day(a.answered_on) for a in answers),
                content=content,
            )
        )


def downgrade() -> None:
    connection = op.get_bind()
    with op.batch_alter_table('evaluation_views', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_views_current'))
    op.drop_table('evaluation_views')
    rows = connection.execute(sa.select(new_answers).order_by(new_answers.c.key)).all()
    _drop_answers()
    op.create_table('survey_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('training_id', sa.Integer(), nullable=False),
    sa.Column('respondent', sa.String(length=64), nullable=False),
    sa.Column('knowledge_before', sa.Integer(), nullable=False),
    sa.Column('knowledge_after', sa.Integer(), nullable=False),
    sa.Column('will_use', sa.Text(), nullable=False),
    sa.Column('was_missing', sa.Text(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['training_id'], ['trainings.id'], name=op.f('fk_survey_responses_training_id_trainings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_responses')),
    sa.UniqueConstraint('training_id', 'respondent', name=op.f('uq_survey_responses_training_id'))
    )
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_responses_training_id'), ['training_id'], unique=False)
    if rows:
        connection.execute(
            old_answers.insert(),
            [
                {
                    'id': number,
                    'training_id': row.training_id,
                    'respondent': row.key,
                    'knowledge_before': row.knowledge_before,
                    'knowledge_after': row.knowledge_after,
                    'will_use': row.will_use,
                    'was_missing': row.was_missing,
                    'answered_on': row.answered_on,
                }
                for number, row in enumerate(rows, start=1)
            ],
        )
