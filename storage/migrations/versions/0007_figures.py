"""figures owners can trust: one spelling per period, people's names, audit changes, held meetings

Revision ID: 0007
Revises: 0005
Create Date: 2027-01-20

Indicator periods are stored under one canonical label (2026-H1, not VT2026), derived from the
period's first and last day. Where two spellings of the same period were both in force (VT2026
and 2026-H1), the one recorded last stays in force and the other becomes its history, as a
correction would have made it.

people.display_name keeps the name Slack's profile gives (for the export and the audit log);
audit_log.data keeps what an entry is about (its title then) and what changed from what to what.

A meeting counts as held only when attendance was recorded or a coordinator confirmed it:
meetings marked held with no attendance become "unconfirmed" (not followed up).
"""

from datetime import date, timedelta

from alembic import op
import sqlalchemy as sa
import storage.types


revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None

_when = storage.types.UTCDateTime(timezone=True)
values = sa.table(
    'indicator_values',
    sa.column('id', sa.Integer()),
    sa.column('indicator_id', sa.String()),
    sa.column('place', sa.String()),
    sa.column('period_label', sa.String()),
    sa.column('period_start', sa.Date()),
    sa.column('period_end', sa.Date()),
    sa.column('recorded_at', _when),
    sa.column('replaces_id', sa.Integer()),
    sa.column('replaced_by_id', sa.Integer()),
    sa.column('replaced_at', _when),
)
meetings = sa.table(
    'meetings',
    sa.column('id', sa.Integer()),
    sa.column('status', sa.String()),
)
attendance = sa.table('meeting_attendance', sa.column('meeting_id', sa.Integer()))


def upgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('display_name', sa.String(length=100), nullable=True))
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('data', sa.JSON(), nullable=True))
    _normalise_periods()
    _unconfirm_meetings_without_attendance()


def downgrade() -> None:
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_column('data')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('display_name')
    op.execute(meetings.update().where(meetings.c.status == 'unconfirmed').values(status='held'))


def canonical_label(start: date, end: date) -> str:
    """Return the canonical spelling of the period from start to end (its kind follows)."""
    if start == end:
        return start.isoformat()
    if start.isoweekday() == 1 and end - start == timedelta(days=6):
        year, week, _ = start.isocalendar()
        return f'{year}-v{week:02d}'
    following = date(end.year + 1, 1, 1) if end.month == 12 else date(end.year, end.month + 1, 1)
    if start.day == 1 and end == following - timedelta(days=1) and start.year == end.year:
        months = end.month - start.month + 1
        if months == 12:
            return str(start.year)
        if months == 6 and start.month in (1, 7):
            return f'{start.year}-H{1 if start.month == 1 else 2}'
        if months == 3 and (start.month - 1) % 3 == 0:
            return f'{start.year}-Q{(start.month - 1) // 3 + 1}'
        if months == 1:
            return f'{start.year}-{start.month:02d}'
    return f'{start.isoformat()}–{end.isoformat()}'


def _normalise_periods() -> None:
    """Relabel every value canonically; of two in force for one period, keep the newest."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(values).order_by(values.c.recorded_at, values.c.id)
    ).all()
    in_force: dict[tuple[str, str, str], object] = {}
    for row in rows:
        label = canonical_label(row.period_start, row.period_end)
        if row.replaced_at is not None:
            if label != row.period_label:
                connection.execute(
                    values.update().where(values.c.id == row.id).values(period_label=label)
                )
            continue
        key = (row.indicator_id, row.place, label)
        earlier = in_force.get(key)
        if earlier is not None:  # the same period spelled twice: the older becomes history
            connection.execute(
                values.update()
                .where(values.c.id == earlier.id)
                .values(replaced_at=row.recorded_at, replaced_by_id=row.id)
            )
            if row.replaces_id is None:
                connection.execute(
                    values.update().where(values.c.id == row.id).values(replaces_id=earlier.id)
                )
        in_force[key] = row
    for row in rows:
        label = canonical_label(row.period_start, row.period_end)
        if row.replaced_at is None and label != row.period_label:
            connection.execute(
                values.update().where(values.c.id == row.id).values(period_label=label)
            )


def _unconfirm_meetings_without_attendance() -> None:
    """Mark held meetings that have no attendance recorded as not followed up.

    The meetings come from another branch (0002); on a new database it may come later, and
    then there are no meetings to look at.
    """
    if not sa.inspect(op.get_bind()).has_table('meetings'):
        return
    recorded = sa.select(attendance.c.meeting_id).distinct()
    op.execute(
        meetings.update()
        .where(meetings.c.status == 'held', meetings.c.id.not_in(recorded))
        .values(status='unconfirmed')
    )
