-- The claim's order (priority DESC, run_at, created_at) over queued jobs only: a claimer walks this index from the
-- front and takes the first row not locked by another (SKIP LOCKED), instead of sorting every queued job per claim
-- (bench/claims, 100,000 queued: see README "Scaling out"). Finished jobs never enter it.
CREATE INDEX jobs_queued_order ON jobs (priority DESC, run_at, created_at) WHERE state = 'queued';
