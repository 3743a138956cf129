-- Capture pipeline (V52..V59). The encrypted secret part of a job's input (a capture order's header and cookie
-- values: AES-GCM, see io.pagelens.config.SecretBox), kept apart from the payload so that every transition that ends
-- a job can clear it in the same UPDATE: it is gone from the row as soon as the job ends.
ALTER TABLE jobs ADD COLUMN secrets TEXT;

-- GET /v1/jobs lists newest first, by (created_at, id) keyset.
CREATE INDEX jobs_listing ON jobs (created_at, id);
