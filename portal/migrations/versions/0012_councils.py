"""boroughs, records counted apart, joint NHS complaints

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-25 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('cases', sa.Column('borough', sa.String(length=40), nullable=True))
    op.add_column('cases', sa.Column('joint_nhs', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('cases', sa.Column('recorded_as', sa.String(length=16), nullable=True))
    op.add_column('cases', sa.Column('became_complaint_on', sa.Date(), nullable=True))
    op.create_index('ix_cases_borough', 'cases', ['borough'])


def downgrade():
    op.drop_index('ix_cases_borough', table_name='cases')
    for name in ('became_complaint_on', 'recorded_as', 'joint_nhs', 'borough'):
        op.drop_column('cases', name)
