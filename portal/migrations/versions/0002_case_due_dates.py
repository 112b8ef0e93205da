"""case due dates

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 16:47:44.157153

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('acknowledge_due_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('response_due_on', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_cases_response_due_on'), ['response_due_on'], unique=False)



def downgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_response_due_on'))
        batch_op.drop_column('response_due_on')
        batch_op.drop_column('acknowledge_due_on')

