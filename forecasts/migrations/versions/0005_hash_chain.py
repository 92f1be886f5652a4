"""hash chain: chain_seq and chain_hash on claims, forecasts, changes and resolutions

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

Adds the two columns of ``forecasts/chain.py`` (nullable: a link is set when its row's
transaction commits) with a unique index on ``chain_seq``, then links every existing row,
table by table in id order (the record's history before the chain existed, in the order
``chain.TABLES`` gives). Rows are read through the current models: a later migration
that changes these tables must keep what ``chain.link`` hashes for old rows the same.
"""
from alembic import op
import sqlalchemy as sa

from trackrecord.forecasts import chain

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in chain.TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('chain_seq', sa.Integer(), nullable=True))
            batch_op.add_column(sa.Column('chain_hash', sa.String(length=64), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_{table}_chain_seq'), ['chain_seq'], unique=True)
    chain.seal(op.get_bind(), dict.fromkeys(chain.TABLES, 0))


def downgrade() -> None:
    for table in reversed(chain.TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_chain_seq'))
            batch_op.drop_column('chain_hash')
            batch_op.drop_column('chain_seq')
