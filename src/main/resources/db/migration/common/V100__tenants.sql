-- Tenants (owned by security, V100..V109). Every API key belongs to a tenant and sees only that tenant's projects,
-- pages, captures and jobs; an admin key sees all. Rows that existed before tenants belong to the tenant 'default'.
-- Projects get their column (and a per-tenant unique name) in V101, per dialect: SQLite must rebuild the table.
ALTER TABLE api_keys ADD COLUMN tenant VARCHAR(64) NOT NULL DEFAULT 'default';
ALTER TABLE api_keys ADD COLUMN admin BOOLEAN NOT NULL DEFAULT FALSE;

-- A capture's tenant is its project's; kept on the row too, so reading a capture by id is scoped without a join.
ALTER TABLE captures ADD COLUMN tenant VARCHAR(64) NOT NULL DEFAULT 'default';

ALTER TABLE jobs ADD COLUMN tenant VARCHAR(64) NOT NULL DEFAULT 'default';
-- GET /v1/jobs of one tenant, newest first
CREATE INDEX jobs_tenant_listing ON jobs (tenant, created_at, id);
