-- Projects belong to a tenant; a name is unique within its tenant, so one tenant's names tell nothing about another's.
ALTER TABLE projects ADD COLUMN tenant VARCHAR(64) NOT NULL DEFAULT 'default';
ALTER TABLE projects DROP CONSTRAINT projects_name_key;
ALTER TABLE projects ADD CONSTRAINT projects_tenant_name UNIQUE (tenant, name);
