"""back office

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 16:53:15.141446

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('staff_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=24), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_sign_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_users')),
    sa.UniqueConstraint('email', name=op.f('uq_staff_users_email'))
    )
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('target', sa.String(length=80), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['staff_users.id'], name=op.f('fk_audit_entries_actor_id_staff_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_at'), ['at'], unique=False)

    op.create_table('adr_meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_adr_meetings_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adr_meetings'))
    )
    with op.batch_alter_table('adr_meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_adr_meetings_case_id'), ['case_id'], unique=False)

    op.create_table('case_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['staff_users.id'], name=op.f('fk_case_events_actor_id_staff_users')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_events_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_events'))
    )
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_events_case_id'), ['case_id'], unique=False)

    op.create_table('case_issues',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=60), nullable=False),
    sa.Column('outcome', sa.String(length=24), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_issues_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_issues'))
    )
    with op.batch_alter_table('case_issues', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_issues_case_id'), ['case_id'], unique=False)

    op.create_table('case_stages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.Integer(), nullable=False),
    sa.Column('requested_on', sa.Date(), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=True),
    sa.Column('extended', sa.Boolean(), nullable=False),
    sa.Column('responded_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.String(length=24), nullable=True),
    sa.Column('late_reason', sa.String(length=32), nullable=True),
    sa.Column('investigating_officer', sa.String(length=200), nullable=True),
    sa.Column('independent_person', sa.String(length=200), nullable=True),
    sa.Column('panel_on', sa.Date(), nullable=True),
    sa.Column('report_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_stages_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_stages')),
    sa.UniqueConstraint('case_id', 'stage', name=op.f('uq_case_stages_case_id'))
    )
    with op.batch_alter_table('case_stages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_stages_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_stages_responded_on'), ['responded_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_stages_started_on'), ['started_on'], unique=False)

    op.create_table('learning_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('you_said', sa.Text(), nullable=False),
    sa.Column('we_did', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_learning_actions_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_actions'))
    )
    with op.batch_alter_table('learning_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_actions_case_id'), ['case_id'], unique=False)

    op.create_table('remedies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('amount_pence', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_remedies_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_remedies'))
    )
    with op.batch_alter_table('remedies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_remedies_case_id'), ['case_id'], unique=False)

    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_due_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('next_due_step', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('assignee_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('acknowledged_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('acknowledged_by', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('closed_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('paused_since', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('extended', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('passed_to_front_door_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('iro_told_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('ombudsman_referred_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('ombudsman_decided_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('ombudsman_decision', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('complainant_key', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('new_information', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_index(batch_op.f('ix_cases_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_closed_on'), ['closed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_complainant_key'), ['complainant_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_next_due_on'), ['next_due_on'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_cases_assignee_id_staff_users'), 'staff_users', ['assignee_id'], ['id'])



def downgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_cases_assignee_id_staff_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_cases_next_due_on'))
        batch_op.drop_index(batch_op.f('ix_cases_complainant_key'))
        batch_op.drop_index(batch_op.f('ix_cases_closed_on'))
        batch_op.drop_index(batch_op.f('ix_cases_assignee_id'))
        batch_op.drop_column('new_information')
        batch_op.drop_column('complainant_key')
        batch_op.drop_column('ombudsman_decision')
        batch_op.drop_column('ombudsman_decided_on')
        batch_op.drop_column('ombudsman_referred_on')
        batch_op.drop_column('iro_told_on')
        batch_op.drop_column('passed_to_front_door_on')
        batch_op.drop_column('extended')
        batch_op.drop_column('paused_since')
        batch_op.drop_column('closed_on')
        batch_op.drop_column('withdrawn_on')
        batch_op.drop_column('acknowledged_by')
        batch_op.drop_column('acknowledged_on')
        batch_op.drop_column('assignee_id')
        batch_op.drop_column('next_due_step')
        batch_op.drop_column('next_due_on')

    with op.batch_alter_table('remedies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_remedies_case_id'))

    op.drop_table('remedies')
    with op.batch_alter_table('learning_actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_actions_case_id'))

    op.drop_table('learning_actions')
    with op.batch_alter_table('case_stages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_stages_started_on'))
        batch_op.drop_index(batch_op.f('ix_case_stages_responded_on'))
        batch_op.drop_index(batch_op.f('ix_case_stages_case_id'))

    op.drop_table('case_stages')
    with op.batch_alter_table('case_issues', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_issues_case_id'))

    op.drop_table('case_issues')
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_events_case_id'))

    op.drop_table('case_events')
    with op.batch_alter_table('adr_meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_adr_meetings_case_id'))

    op.drop_table('adr_meetings')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_at'))

    op.drop_table('audit_entries')
    op.drop_table('staff_users')
