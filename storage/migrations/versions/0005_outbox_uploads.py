"""outbox uploads: files kept per outbox row; chart uploads move into the outbox

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-10

Uploads are outbox rows (op "upload") like posts and updates, with their files in
outbox_files. Chart uploads that were not yet sent (pending, being sent, or failed for
good, which the coordinators see counted) become such rows, with their files; one
being sent when this runs is taken as interrupted, so the deliverer first looks in the
thread. Sent ones are history and are dropped with their table.
"""

from alembic import op
import sqlalchemy as sa
import storage.types


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# The renderer commands.followup registers for the owners' summary's charts.
SUMMARY_CHARTS = 'summary_charts'
CHARTS_KIND = 'owners_summary_charts'

_when = storage.types.UTCDateTime(timezone=True)
outbox = sa.table(
    'outbox',
    sa.column('id', sa.Integer()),
    sa.column('key', sa.String()),
    sa.column('kind', sa.String()),
    sa.column('op', sa.String()),
    sa.column('channel', sa.String()),
    sa.column('user', sa.String()),
    sa.column('ref_key', sa.String()),
    sa.column('payload', sa.JSON()),
    sa.column('due_at', _when),
    sa.column('expires_at', _when),
    sa.column('status', sa.String()),
    sa.column('attempts', sa.Integer()),
    sa.column('next_attempt_at', _when),
    sa.column('last_error', sa.String()),
    sa.column('created_at', _when),
)
outbox_files = sa.table(
    'outbox_files',
    sa.column('message_id', sa.Integer()),
    sa.column('position', sa.Integer()),
    sa.column('filename', sa.String()),
    sa.column('title', sa.String()),
    sa.column('alt_text', sa.String()),
    sa.column('data', sa.LargeBinary()),
)
chart_uploads = sa.table(
    'chart_uploads',
    sa.column('id', sa.Integer()),
    sa.column('key', sa.String()),
    sa.column('ref_key', sa.String()),
    sa.column('comment', sa.Text()),
    sa.column('status', sa.String()),
    sa.column('attempts', sa.Integer()),
    sa.column('next_attempt_at', _when),
    sa.column('last_error', sa.String()),
    sa.column('created_at', _when),
)
chart_files = sa.table(
    'chart_files',
    sa.column('upload_id', sa.Integer()),
    sa.column('position', sa.Integer()),
    sa.column('filename', sa.String()),
    sa.column('title', sa.String()),
    sa.column('alt_text', sa.String()),
    sa.column('data', sa.LargeBinary()),
)


def upgrade() -> None:
    op.create_table('outbox_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('alt_text', sa.String(length=1000), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['outbox.id'], name=op.f('fk_outbox_files_message_id_outbox'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_files')),
    sa.UniqueConstraint('message_id', 'position', name=op.f('uq_outbox_files_message_id'))
    )
    with op.batch_alter_table('outbox_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_files_message_id'), ['message_id'], unique=False)

    _move_chart_uploads()

    with op.batch_alter_table('chart_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chart_files_upload_id'))
    op.drop_table('chart_files')
    with op.batch_alter_table('chart_uploads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chart_uploads_status'))
        batch_op.drop_index(batch_op.f('ix_chart_uploads_ref_key'))
    op.drop_table('chart_uploads')


def _move_chart_uploads() -> None:
    """Queue every chart upload not yet sent as an outbox upload, with its files."""
    connection = op.get_bind()
    uploads = connection.execute(
        sa.select(chart_uploads).where(chart_uploads.c.status != 'sent').order_by(chart_uploads.c.id)
    ).all()
    for upload in uploads:
        files = connection.execute(
            sa.select(chart_files)
            .where(chart_files.c.upload_id == upload.id)
            .order_by(chart_files.c.position)
        ).all()
        channel = connection.scalar(sa.select(outbox.c.channel).where(outbox.c.key == upload.ref_key))
        payload = {'initial_comment': upload.comment}
        if not files:
            payload['renderer'] = SUMMARY_CHARTS
        status = 'failed' if upload.status == 'failed' else 'pending'
        last_error = 'interrupted' if upload.status == 'sending' else upload.last_error
        connection.execute(
            outbox.insert().values(
                key=upload.key,
                kind=CHARTS_KIND,
                op='upload',
                channel=channel or '',
                user=None,
                ref_key=upload.ref_key,
                payload=payload,
                due_at=upload.created_at,
                expires_at=None,
                status=status,
                attempts=upload.attempts,
                next_attempt_at=upload.next_attempt_at,
                last_error=last_error,
                created_at=upload.created_at,
            )
        )
        message_id = connection.scalar(sa.select(outbox.c.id).where(outbox.c.key == upload.key))
        if files and status == 'pending':
            connection.execute(
                outbox_files.insert(),
                [
                    {
                        'message_id': message_id,
                        'position': f.position,
                        'filename': f.filename,
                        'title': f.title,
                        'alt_text': f.alt_text,
                        'data': f.data,
                    }
                    for f in files
                ],
            )


def downgrade() -> None:
    # Chart uploads still waiting go back to their own table; other uploads waiting are lost.
    op.create_table('chart_uploads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('ref_key', sa.String(length=200), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('claim_token', sa.String(length=40), nullable=True),
    sa.Column('claimed_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.String(length=200), nullable=True),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chart_uploads')),
    sa.UniqueConstraint('key', name=op.f('uq_chart_uploads_key'))
    )
    with op.batch_alter_table('chart_uploads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chart_uploads_ref_key'), ['ref_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_chart_uploads_status'), ['status'], unique=False)

    op.create_table('chart_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('alt_text', sa.String(length=1000), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['upload_id'], ['chart_uploads.id'], name=op.f('fk_chart_files_upload_id_chart_uploads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chart_files'))
    )
    with op.batch_alter_table('chart_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chart_files_upload_id'), ['upload_id'], unique=False)

    connection = op.get_bind()
    waiting = connection.execute(
        sa.select(outbox).where(
            outbox.c.op == 'upload',
            outbox.c.kind == CHARTS_KIND,
            outbox.c.status.in_(['pending', 'sending', 'failed']),
        )
    ).all()
    for row in waiting:
        connection.execute(
            chart_uploads.insert().values(
                key=row.key,
                ref_key=row.ref_key or '',
                comment=(row.payload or {}).get('initial_comment', ''),
                status='failed' if row.status == 'failed' else 'pending',
                attempts=row.attempts,
                next_attempt_at=row.next_attempt_at,
                last_error=row.last_error,
                created_at=row.created_at,
            )
        )
        upload_id = connection.scalar(sa.select(chart_uploads.c.id).where(chart_uploads.c.key == row.key))
        for f in connection.execute(
            sa.select(outbox_files).where(outbox_files.c.message_id == row.id)
        ).all():
            connection.execute(
                chart_files.insert().values(
                    upload_id=upload_id,
                    position=f.position,
                    filename=f.filename[:100],
                    title=f.title,
                    alt_text=f.alt_text,
                    data=f.data,
                )
            )
    with op.batch_alter_table('outbox_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_files_message_id'))
    op.drop_table('outbox_files')
    connection.execute(sa.delete(outbox).where(outbox.c.op == 'upload'))
