"""person locale: the Slack locale of each person, for answering them in their language

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30

people.locale holds the locale Slack gives for the person (users.info with include_locale,
e.g. "sv-SE", "en-US"): NULL until it has been asked for, "" when Slack gave none;
people.locale_checked_at when it was last asked for (it is asked again now and then, as a person
may change the language of their Slack).
"""

from alembic import op
import sqlalchemy as sa
import storage.types


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('people') as batch:
        batch.add_column(sa.Column('locale', sa.String(length=20), nullable=True))
        batch.add_column(
            sa.Column('locale_checked_at', storage.types.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table('people') as batch:
        batch.drop_column('locale_checked_at')
        batch.drop_column('locale')
