"""legal hold

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 00:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


# Plain ALTER TABLE, not a batch copy: SQLite's copy would lose the open-queue index.
def upgrade():
    op.add_column('cases', sa.Column('legal_hold_since', sa.Date(), nullable=True))
    op.add_column('cases', sa.Column('legal_hold_reason', sa.Text(), nullable=True))


def downgrade():
    op.drop_column('cases', 'legal_hold_reason')
    op.drop_column('cases', 'legal_hold_since')
