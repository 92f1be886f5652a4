"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('expert',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('affiliation', sa.String(length=500), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expert')),
    sa.UniqueConstraint('name_key', name=op.f('uq_expert_name_key')),
    sa.UniqueConstraint('slug', name=op.f('uq_expert_slug'))
    )
    op.create_table('question',
    sa.Column('slug', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('criteria', sa.String(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('binary', 'choice', 'date')", name=op.f('ck_question_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question')),
    sa.UniqueConstraint('slug', name=op.f('uq_question_slug'))
    )
    op.create_table('expert_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('expert_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.Column('alias_key', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['expert_id'], ['expert.id'], name=op.f('fk_expert_alias_expert_id_expert')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expert_alias')),
    sa.UniqueConstraint('alias_key', name=op.f('uq_expert_alias_alias_key'))
    )
    with op.batch_alter_table('expert_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expert_alias_expert_id'), ['expert_id'], unique=False)

    op.create_table('question_option',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('label_key', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_question_option_question_id_question')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question_option')),
    sa.UniqueConstraint('question_id', 'label_key', name=op.f('uq_question_option_question_id'))
    )
    with op.batch_alter_table('question_option', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_option_question_id'), ['question_id'], unique=False)

    op.create_table('question_tag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('tag', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_question_tag_question_id_question')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question_tag')),
    sa.UniqueConstraint('question_id', 'tag', name=op.f('uq_question_tag_question_id'))
    )
    with op.batch_alter_table('question_tag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_tag_question_id'), ['question_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_question_tag_tag'), ['tag'], unique=False)

    op.create_table('claim',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=250), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=True),
    sa.Column('window_start', sa.Date(), nullable=True),
    sa.Column('window_end', sa.Date(), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['option_id'], ['question_option.id'], name=op.f('fk_claim_option_id_question_option')),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_claim_question_id_question')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim')),
    sa.UniqueConstraint('question_id', 'key', name=op.f('uq_claim_question_id'))
    )
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_question_id'), ['question_id'], unique=False)

    op.create_table('resolution',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=True),
    sa.Column('event_on', sa.Date(), nullable=True),
    sa.Column('known_on', sa.Date(), nullable=True),
    sa.Column('evidence', sa.String(), nullable=True),
    sa.Column('note', sa.String(), nullable=True),
    sa.Column('forced', sa.Boolean(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("outcome IN ('yes', 'no', 'option', 'other', 'happened', 'not_by', 'annulled')", name=op.f('ck_resolution_outcome')),
    sa.ForeignKeyConstraint(['option_id'], ['question_option.id'], name=op.f('fk_resolution_option_id_question_option')),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_resolution_question_id_question')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resolution'))
    )
    with op.batch_alter_table('resolution', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resolution_question_id'), ['question_id'], unique=False)

    op.create_table('forecast',
    sa.Column('probability', sa.Float(), nullable=False),
    sa.Column('made_on', sa.Date(), nullable=False),
    sa.Column('quote', sa.String(), nullable=True),
    sa.Column('source', sa.String(), nullable=True),
    sa.Column('phrase', sa.String(length=200), nullable=True),
    sa.Column('note', sa.String(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('expert_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('probability >= 0 AND probability <= 1', name=op.f('ck_forecast_probability')),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_forecast_claim_id_claim')),
    sa.ForeignKeyConstraint(['expert_id'], ['expert.id'], name=op.f('fk_forecast_expert_id_expert')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forecast'))
    )
    with op.batch_alter_table('forecast', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forecast_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_forecast_expert_id'), ['expert_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('forecast', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forecast_expert_id'))
        batch_op.drop_index(batch_op.f('ix_forecast_claim_id'))

    op.drop_table('forecast')
    with op.batch_alter_table('resolution', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resolution_question_id'))

    op.drop_table('resolution')
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_question_id'))

    op.drop_table('claim')
    with op.batch_alter_table('question_tag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_tag_tag'))
        batch_op.drop_index(batch_op.f('ix_question_tag_question_id'))

    op.drop_table('question_tag')
    with op.batch_alter_table('question_option', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_option_question_id'))

    op.drop_table('question_option')
    with op.batch_alter_table('expert_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_expert_alias_expert_id'))

    op.drop_table('expert_alias')
    op.drop_table('question')
    op.drop_table('expert')
