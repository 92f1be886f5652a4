"""option claim keys fold diacritics like the names they come from

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Migration 0002 refolded the keys of experts, aliases and options with
``forecasts.names.name_key`` (which drops diacritics) but not those of option claims
(``option:<folded label>``), so an option "Genève" recorded before 0002 kept the claim
key ``option:genève`` while the product looks for ``option:geneve``: importing a
forecast on it, even from the record's own export, failed. This recomputes every option
claim's key from its option's label. Claims of one question that would then share a key
are found before anything changes and stop the migration (``forecasts/refold.py``).
Only keys change: no row is added or removed.
"""
from alembic import op

from trackrecord.forecasts import refold
from trackrecord.forecasts.names import name_key

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    refold.check(refold.claim_collisions(connection, name_key))
    refold.rekey_claims(connection, name_key)


def downgrade() -> None:
    # Nothing to undo: at 0003 the product already looks claims up by the new folding,
    # so the refolded keys are the ones it needs there too.
    pass
