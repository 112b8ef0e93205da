"""save and return, tracking links, documents

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('drafts', sa.Column('resume_hash', sa.String(length=64), nullable=True))
    op.add_column('drafts', sa.Column('saved_until', sa.DateTime(timezone=True), nullable=True))
    # A unique index rather than a constraint: SQLite cannot add a constraint to a table.
    op.create_index('ix_drafts_resume_hash', 'drafts', ['resume_hash'], unique=True)
    op.create_table(
        'tracking_links',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('token_hash'),
    )
    op.create_index('ix_tracking_links_case_id', 'tracking_links', ['case_id'])
    op.create_table(
        'documents',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=True),
        sa.Column('draft_id', sa.Integer(), nullable=True),
        sa.Column('stored_name', sa.String(length=64), nullable=False),
        sa.Column('filename', sa.String(length=200), nullable=False),
        sa.Column('content_type', sa.String(length=100), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('source', sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id']),
        sa.ForeignKeyConstraint(['draft_id'], ['drafts.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('stored_name'),
    )
    op.create_index('ix_documents_case_id', 'documents', ['case_id'])
    op.create_index('ix_documents_draft_id', 'documents', ['draft_id'])


def downgrade():
    op.drop_index('ix_documents_draft_id', table_name='documents')
    op.drop_index('ix_documents_case_id', table_name='documents')
    op.drop_table('documents')
    op.drop_index('ix_tracking_links_case_id', table_name='tracking_links')
    op.drop_table('tracking_links')
    op.drop_index('ix_drafts_resume_hash', table_name='drafts')
    op.drop_column('drafts', 'saved_until')
    op.drop_column('drafts', 'resume_hash')
