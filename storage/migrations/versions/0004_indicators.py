"""follow-up: indicators, indicator values with history, chart uploads

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-30
"""

from alembic import op
import sqlalchemy as sa
import storage.types


revision = '0004'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('indicators',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=30), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicators')),
    sa.UniqueConstraint('name', name=op.f('uq_indicators_name'))
    )
    op.create_table('indicator_values',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.String(length=40), nullable=False),
    sa.Column('place', sa.String(length=40), nullable=False),
    sa.Column('period_label', sa.String(length=20), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=40), nullable=False),
    sa.Column('recorded_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.Column('replaced_by_id', sa.Integer(), nullable=True),
    sa.Column('replaced_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('source_key', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['replaces_id'], ['indicator_values.id'], name=op.f('fk_indicator_values_replaces_id_indicator_values')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_values')),
    sa.UniqueConstraint('source_key', name=op.f('uq_indicator_values_source_key'))
    )
    with op.batch_alter_table('indicator_values', schema=None) as batch_op:
        batch_op.create_index('ix_indicator_values_series', ['indicator_id', 'place', 'replaced_at'], unique=False)
        batch_op.create_index('uq_indicator_values_in_force', ['indicator_id', 'place', 'period_label'], unique=True, sqlite_where=sa.text('replaced_at IS NULL'), postgresql_where=sa.text('replaced_at IS NULL'))

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


def downgrade() -> None:
    with op.batch_alter_table('chart_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chart_files_upload_id'))

    op.drop_table('chart_files')
    with op.batch_alter_table('chart_uploads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chart_uploads_status'))
        batch_op.drop_index(batch_op.f('ix_chart_uploads_ref_key'))

    op.drop_table('chart_uploads')
    with op.batch_alter_table('indicator_values', schema=None) as batch_op:
        batch_op.drop_index('uq_indicator_values_in_force', sqlite_where=sa.text('replaced_at IS NULL'), postgresql_where=sa.text('replaced_at IS NULL'))
        batch_op.drop_index('ix_indicator_values_series')

    op.drop_table('indicator_values')
    op.drop_table('indicators')
