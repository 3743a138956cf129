-- Monitors belong to a tenant (security's tenants, issue 11): a key sees only its own tenant's monitors, their runs
-- and changes, an admin key all; monitors from before tenants belong to 'default'. Numbered 130.1 (not in
-- V100..V109): the monitors table must exist first on a fresh database; Flyway runs with outOfOrder=true.
ALTER TABLE monitors ADD COLUMN tenant VARCHAR(64) NOT NULL DEFAULT 'default';
-- GET /v1/monitors of one tenant, newest first (keyset on id)
CREATE INDEX monitors_tenant_id ON monitors (tenant, id);
