-- The ledger is pruned by age (SideEffectLedger.prune): rows older than the retention are removed in batches.
CREATE INDEX side_effect_ledger_recorded_at ON side_effect_ledger (recorded_at);
