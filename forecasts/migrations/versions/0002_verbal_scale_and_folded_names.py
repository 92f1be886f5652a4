"""verbal scale version on forecasts; name keys fold diacritics

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Adds ``forecast.scale``: the version of the verbal scale a phrase was read with, so a
later change of scale never silently rescores. Recomputes the stored comparison keys of
experts, aliases and options with ``forecasts.names.name_key``, which now also drops
diacritics.
"""
from alembic import op
import sqlalchemy as sa

from trackrecord.forecasts.names import name_key

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

KEYED = (("expert", "name", "name_key"), ("expert_alias", "alias", "alias_key"), ("question_option", "label", "label_key"))


def _rekey(fold) -> None:
    connection = op.get_bind()
    for table, source, key in KEYED:
        rows = connection.execute(sa.text(f"SELECT id, {source} FROM {table}")).all()
        for row_id, text in rows:
            connection.execute(sa.text(f"UPDATE {table} SET {key} = :key WHERE id = :id"), {"key": fold(text), "id": row_id})


def upgrade() -> None:
    with op.batch_alter_table('forecast', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scale', sa.String(length=100), nullable=True))
    _rekey(name_key)


def downgrade() -> None:
    _rekey(lambda text: " ".join(text.split()).casefold())
    with op.batch_alter_table('forecast', schema=None) as batch_op:
        batch_op.drop_column('scale')
