"""corrections with history: forecast_change, record_change; other outcome label

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30

Adds the append-only change tables (``forecasts/changes.py``): ``forecast_change``
supersedes a forecast (retracted, corrected or moved by a merge), ``record_change``
renames, merges or removes an expert and edits a question. Adds
``resolution.other_label``: the real outcome of a choice question resolved as ``other``.
Only new tables and a nullable column: no existing row is touched.
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('record_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=10), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=12), nullable=False),
    sa.Column('value', sa.String(), nullable=True),
    sa.Column('value_key', sa.String(length=200), nullable=True),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=2000), nullable=True),
    sa.Column('changed_by', sa.String(length=200), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("action IN ('rename', 'merge', 'remove', 'restore', 'title', 'criteria', 'deadline', 'add-option', 'tag', 'untag')", name=op.f('ck_record_change_action')),
    sa.CheckConstraint("subject IN ('expert', 'question')", name=op.f('ck_record_change_subject')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record_change'))
    )
    with op.batch_alter_table('record_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_change_subject_id'), ['subject_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_record_change_value_key'), ['value_key'], unique=False)

    op.create_table('forecast_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('forecast_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('replacement_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=2000), nullable=False),
    sa.Column('changed_by', sa.String(length=200), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("action IN ('retract', 'correct', 'move')", name=op.f('ck_forecast_change_action')),
    sa.ForeignKeyConstraint(['forecast_id'], ['forecast.id'], name=op.f('fk_forecast_change_forecast_id_forecast')),
    sa.ForeignKeyConstraint(['replacement_id'], ['forecast.id'], name=op.f('fk_forecast_change_replacement_id_forecast')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forecast_change')),
    sa.UniqueConstraint('forecast_id', name=op.f('uq_forecast_change_forecast_id'))
    )
    with op.batch_alter_table('resolution', schema=None) as batch_op:
        batch_op.add_column(sa.Column('other_label', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('resolution', schema=None) as batch_op:
        batch_op.drop_column('other_label')
    op.drop_table('forecast_change')
    with op.batch_alter_table('record_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_change_value_key'))
        batch_op.drop_index(batch_op.f('ix_record_change_subject_id'))
    op.drop_table('record_change')
