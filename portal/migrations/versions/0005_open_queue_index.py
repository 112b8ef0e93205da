"""An index of open cases in queue order; closed cases indexed apart

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 17:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

OPEN = "closed_on IS NULL AND withdrawn_on IS NULL"


def upgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_closed_on')
    op.create_index(
        'ix_cases_closed_on', 'cases', ['closed_on'],
        sqlite_where=sa.text("closed_on IS NOT NULL"), postgresql_where=sa.text("closed_on IS NOT NULL"),
    )
    op.create_index(
        'ix_cases_open_queue', 'cases',
        [sa.text("(next_due_on IS NULL)"), 'next_due_on', 'received_on', 'id', 'next_due_step',
         'paused_since', 'acknowledged_on', 'extended', 'new_information', 'closed_on', 'withdrawn_on'],
        sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN),
    )


def downgrade():
    op.drop_index('ix_cases_open_queue', table_name='cases')
    op.drop_index('ix_cases_closed_on', table_name='cases')
    op.create_index('ix_cases_closed_on', 'cases', ['closed_on'])
