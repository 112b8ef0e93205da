"""context figures

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 18:11:00.429904

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('context_figures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.String(length=7), nullable=False),
    sa.Column('measure', sa.String(length=40), nullable=False),
    sa.Column('group_code', sa.String(length=20), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_context_figures')),
    sa.UniqueConstraint('year', 'measure', 'group_code', name=op.f('uq_context_figures_year'))
    )


def downgrade():
    op.drop_table('context_figures')
