"""verbal scale version on forecasts; name keys fold diacritics

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Adds ``forecast.scale``: the version of the verbal scale a phrase was read with, so a
later change of scale never silently rescores. Recomputes the stored comparison keys of
experts, aliases and options with ``forecasts.names.name_key``, which now also drops
diacritics. Names that would then fold together (experts "José Pérez" and "Jose Perez")
are found before anything changes and stop the migration (``forecasts/refold.py``).
A record that an earlier, non-transactional run of this migration left with
``forecast.scale`` but still at 0001 is completed rather than refused.
"""
from alembic import op
import sqlalchemy as sa

from trackrecord.forecasts import refold
from trackrecord.forecasts.names import name_key

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def _old_fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def upgrade() -> None:
    connection = op.get_bind()
    refold.check(refold.name_collisions(connection, name_key))
    if 'scale' not in {column['name'] for column in sa.inspect(connection).get_columns('forecast')}:
        with op.batch_alter_table('forecast', schema=None) as batch_op:
            batch_op.add_column(sa.Column('scale', sa.String(length=100), nullable=True))
    refold.rekey_names(connection, name_key)


def downgrade() -> None:
    connection = op.get_bind()
    refold.check(refold.name_collisions(connection, _old_fold))
    refold.rekey_names(connection, _old_fold)
    with op.batch_alter_table('forecast', schema=None) as batch_op:
        batch_op.drop_column('scale')
