"""case interpreter

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 23:40:00.000000

"""
import json

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def _interpreter(answers):
    """The language someone asked for an interpreter in, from the answers they gave."""
    for page, choices, language in (("support", "support", "interpreter_language"), ("help", "help", "language")):
        given = answers.get(page) or {}
        if "interpreter" in (given.get(choices) or []):
            return ((given.get(language) or "").strip() or "Not said")[:200]
    return None


# Plain ALTER TABLE, not a batch copy: SQLite's copy would lose the open-queue index.
def upgrade():
    op.add_column('cases', sa.Column('interpreter', sa.String(length=200), nullable=True))
    cases = sa.table('cases', sa.column('id', sa.Integer), sa.column('answers', sa.Text),
                     sa.column('interpreter', sa.String))
    bind = op.get_bind()
    for row in bind.execute(sa.select(cases.c.id, cases.c.answers)):
        answers = row.answers if isinstance(row.answers, dict) else json.loads(row.answers or "{}")
        need = _interpreter(answers or {})
        if need:
            bind.execute(cases.update().where(cases.c.id == row.id).values(interpreter=need))


def downgrade():
    op.drop_column('cases', 'interpreter')
