"""advocate status

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


# Plain ALTER TABLE, not a batch copy: SQLite's copy would lose the open-queue index, whose
# expressions it cannot reflect.
def upgrade():
    op.add_column('cases', sa.Column('advocate_status', sa.String(length=16), nullable=True))


def downgrade():
    op.drop_column('cases', 'advocate_status')
