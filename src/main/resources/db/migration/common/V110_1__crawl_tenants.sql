-- Crawls belong to a tenant (security's tenants, issue 11): a key sees only its own tenant's crawls, an admin key
-- all; crawls from before tenants belong to 'default'. Numbered 110.1 (not in V100..V109): the crawls table must
-- exist first on a fresh database; Flyway runs with outOfOrder=true, so existing databases take it too.
ALTER TABLE crawls ADD COLUMN tenant VARCHAR(64) NOT NULL DEFAULT 'default';
-- GET /v1/crawls of one tenant, newest first (keyset on id)
CREATE INDEX crawls_tenant_id ON crawls (tenant, id);
