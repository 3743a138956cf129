# Sourced by ./run-tests and .ci/run: makes sure the local PostgreSQL and Redis the tests use are running.
# Tests create and drop their own databases; PAGELENS_TEST_DATABASE_URL overrides.

pl_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -z "${PAGELENS_TEST_DATABASE_URL:-}" ] && ! pl_port_open 5432; then
  if ! command -v pg_ctlcluster >/dev/null; then pl_apt_install postgresql || true; fi
  if command -v pg_ctlcluster >/dev/null; then
    for v in $(ls /etc/postgresql 2>/dev/null); do
      pg_ctlcluster --skip-systemctl-redirect "$v" main start >&2 2>/dev/null || true
    done
    # trust local TCP connections for the test user, as this machine kind is set up
    for i in $(seq 1 30); do pl_port_open 5432 && break; sleep 1; done
  fi
  pl_port_open 5432 || pl_log "PostgreSQL is not reachable on 127.0.0.1:5432; PostgreSQL tests will fail"
fi

# Tests log in as postgres over TCP without a password (this machine kind is set up so). A stock Debian
# install asks for one: trust 127.0.0.1 for local test runs only.
if [ -z "${PAGELENS_TEST_DATABASE_URL:-}" ] && pl_port_open 5432 && command -v psql >/dev/null \
   && ! psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  for hba in /etc/postgresql/*/main/pg_hba.conf; do
    [ -f "$hba" ] || continue
    grep -q '^host all all 127.0.0.1/32 trust' "$hba" || sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  done
  for v in $(ls /etc/postgresql 2>/dev/null); do pg_ctlcluster --skip-systemctl-redirect "$v" main reload >&2 2>/dev/null || true; done
  sleep 1
  psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1 || pl_log "cannot log in to PostgreSQL on 127.0.0.1 as postgres; set PAGELENS_TEST_DATABASE_URL"
fi

# Redis: the scale-out tests use the local one on 6379 (shared limits, events) and start their own redis-server on
# another loopback port (killed mid-test), so the binary must be installed too.
if ! command -v redis-server >/dev/null; then pl_apt_install redis-server || true; fi
if ! pl_port_open 6379 && command -v redis-server >/dev/null; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >&2 || true
  for i in $(seq 1 20); do pl_port_open 6379 && break; sleep 0.5; done
fi
pl_port_open 6379 || pl_log "Redis is not reachable on 127.0.0.1:6379; Redis tests will fail"
