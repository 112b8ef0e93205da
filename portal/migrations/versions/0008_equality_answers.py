"""equality answers, kept apart from cases

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 11:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'equality_answers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('link', sa.String(length=64), nullable=False),
        sa.Column('subject', sa.String(length=16), nullable=False),
        sa.Column('source', sa.String(length=24), nullable=False),
        sa.Column('recorded_on', sa.Date(), nullable=False),
        sa.Column('ethnicity', sa.String(length=40), nullable=False),
        sa.Column('ethnicity_text', sa.String(length=200), nullable=True),
        sa.Column('sex', sa.String(length=24), nullable=False),
        sa.Column('age_band', sa.String(length=24), nullable=False),
        sa.Column('condition', sa.String(length=24), nullable=False),
        sa.Column('condition_impact', sa.String(length=24), nullable=True),
        sa.Column('disability', sa.String(length=24), nullable=False),
        sa.Column('religion', sa.String(length=24), nullable=False),
        sa.Column('religion_text', sa.String(length=200), nullable=True),
        sa.Column('gender_same', sa.String(length=24), nullable=False),
        sa.Column('gender_text', sa.String(length=200), nullable=True),
        sa.Column('sexual_orientation', sa.String(length=24), nullable=False),
        sa.Column('sexual_orientation_text', sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('link', 'subject'),
    )
    op.create_index('ix_equality_answers_link', 'equality_answers', ['link'])
    op.create_index('ix_equality_answers_recorded_on', 'equality_answers', ['recorded_on'])


def downgrade():
    op.drop_index('ix_equality_answers_recorded_on', table_name='equality_answers')
    op.drop_index('ix_equality_answers_link', table_name='equality_answers')
    op.drop_table('equality_answers')
