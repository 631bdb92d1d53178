"""organisation requests: a self-chosen organisation gives no rights until a coordinator approves

Revision ID: 0006
Revises: 0005
Create Date: 2027-01-04

A person whose e-mail domain matches no partner used to choose an organisation and act
for it at once (people.organization_source "choice"). Now such a choice is a request in
organization_requests, and gives no rights until a coordinator approves it. Every stored
choice becomes a pending request (origin "migration", not yet announced: the bot's planner
tells the coordinators once that they wait), the person keeps no organisation meanwhile
(their e-mail is looked up again), and the audit log says so.
"""

from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa
import storage.types


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_when = storage.types.UTCDateTime(timezone=True)
people = sa.table(
    'people',
    sa.column('slack_id', sa.String()),
    sa.column('organization_id', sa.String()),
    sa.column('organization_source', sa.String()),
    sa.column('email_checked_at', _when),
    sa.column('updated_at', _when),
)
requests = sa.table(
    'organization_requests',
    sa.column('id', sa.Integer()),
    sa.column('user_id', sa.String()),
    sa.column('organization_id', sa.String()),
    sa.column('status', sa.String()),
    sa.column('origin', sa.String()),
    sa.column('requested_at', _when),
)
audit_log = sa.table(
    'audit_log',
    sa.column('at', _when),
    sa.column('actor', sa.String()),
    sa.column('action', sa.String()),
    sa.column('subject', sa.String()),
    sa.column('detail', sa.Text()),
)
PENDING = "status = 'pending'"


def upgrade() -> None:
    op.create_table('organization_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.String(length=40), nullable=False),
    sa.Column('organization_id', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('requested_at', _when, nullable=False),
    sa.Column('announced_at', _when, nullable=True),
    sa.Column('decided_at', _when, nullable=True),
    sa.Column('decided_by', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_organization_requests_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization_requests'))
    )
    with op.batch_alter_table('organization_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_requests_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organization_requests_status'), ['status'], unique=False)
        batch_op.create_index(
            'uq_organization_requests_pending',
            ['user_id'],
            unique=True,
            sqlite_where=sa.text(PENDING),
            postgresql_where=sa.text(PENDING),
        )

    _choices_become_requests()


def _choices_become_requests() -> None:
    """Make every self-chosen organisation a pending request, and the person one without."""
    connection = op.get_bind()
    chosen = connection.execute(
        sa.select(people.c.slack_id, people.c.organization_id, people.c.updated_at)
        .where(people.c.organization_source == 'choice')
        .order_by(people.c.updated_at, people.c.slack_id)
    ).all()
    now = datetime.now(UTC)  # when this ran: the audit log's time of the change
    for person in chosen:
        if person.organization_id is not None:
            connection.execute(
                requests.insert().values(
                    user_id=person.slack_id,
                    organization_id=person.organization_id,
                    status='pending',
                    origin='migration',
                    requested_at=person.updated_at,
                )
            )
            connection.execute(
                audit_log.insert().values(
                    at=now,
                    actor='samverkansbot',
                    action='organization_made_pending',
                    subject=f'user:{person.slack_id}',
                    detail=person.organization_id,
                )
            )
    if chosen:
        connection.execute(
            people.update()
            .where(people.c.organization_source == 'choice')
            .values(organization_id=None, organization_source='none', email_checked_at=None)
        )


def downgrade() -> None:
    # Pending and approved requests become self-chosen organisations again; decisions are lost.
    connection = op.get_bind()
    kept = connection.execute(
        sa.select(requests.c.user_id, requests.c.organization_id).where(
            requests.c.status == 'pending'
        )
    ).all()
    for request in kept:
        connection.execute(
            people.update()
            .where(
                people.c.slack_id == request.user_id,
                people.c.organization_source.in_(['none', 'revoked']),
            )
            .values(organization_id=request.organization_id, organization_source='choice')
        )
    connection.execute(
        people.update()
        .where(people.c.organization_source == 'approval')
        .values(organization_source='choice')
    )
    connection.execute(
        people.update()
        .where(people.c.organization_source == 'revoked')
        .values(organization_id=None, organization_source='none', email_checked_at=None)
    )
    with op.batch_alter_table('organization_requests', schema=None) as batch_op:
        batch_op.drop_index('uq_organization_requests_pending')
        batch_op.drop_index(batch_op.f('ix_organization_requests_status'))
        batch_op.drop_index(batch_op.f('ix_organization_requests_user_id'))
    op.drop_table('organization_requests')
