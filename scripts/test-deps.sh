# Installs and starts what the test suite needs. Sourced by test.sh.
# Each dependency installs itself from Debian's packages when missing, so a fresh machine passes too.

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Chromium, for the browser tests (Playwright drives Debian's build; its own download is not used) ---
ensure_chromium() {
  if ! [ -x /usr/bin/chromium ] || ! /usr/bin/chromium --version >/dev/null 2>&1; then
    echo "Installing Chromium from Debian"
    apt_install chromium fonts-noto-cjk
  fi
  # Chinese text on screenshots needs a CJK font.
  if ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then apt_install fonts-noto-cjk; fi
  export CHROMIUM_PATH=/usr/bin/chromium
}

ensure_test_deps() {
  command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required" >&2; exit 1; }
  ensure_chromium
  ensure_redocly
  ensure_postgres
}

# --- Redocly CLI, the OpenAPI linter of the contract test (tests/Actors.Tests/Contract) ---------------
# Pinned, installed into .tools/redocly inside the repository (no global npm state); node and npm from Debian if missing.
REDOCLY_VERSION=2.77.0
ensure_redocly() {
  local dir
  dir="$(pwd)/.tools/redocly"
  if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
    echo "Installing Node.js and npm from Debian"
    apt_install nodejs npm
  fi
  if [ "$(cat "$dir/.version" 2>/dev/null)" != "$REDOCLY_VERSION" ] || ! [ -x "$dir/node_modules/.bin/redocly" ]; then
    echo "Installing @redocly/cli $REDOCLY_VERSION into .tools/redocly"
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && printf '{"private":true}\n' >package.json \
      && npm install --no-audit --no-fund --save-exact --loglevel=error "@redocly/cli@$REDOCLY_VERSION" >/dev/null) \
      || { echo "could not install @redocly/cli $REDOCLY_VERSION" >&2; exit 1; }
    echo "$REDOCLY_VERSION" >"$dir/.version"
  fi
  export REDOCLY_BIN="$dir/node_modules/.bin/redocly" REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
}

stop_test_deps() {
  stop_postgres
}

# --- PostgreSQL ------------------------------------------------------------------------------------
# A private cluster for the tests: initdb into a temporary directory, pg_ctl on a free loopback port, password
# authentication, no system service. The tests read TEST_PG_CONNECTION (an Npgsql connection string to the
# maintenance database); each test class creates and drops its own database in it. TEST_PG_BIN is where
# pg_dump, pg_restore and pgbench live.

pg_bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ]; then echo "$d"; fi
  done | sort -V | tail -1
}

install_postgres() {
  [ "$(id -u)" = 0 ] || { echo "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)" >&2; exit 1; }
  echo "Installing PostgreSQL from Debian's packages"
  # The package would create and start a system cluster on 5432: the tests want none, so keep services from starting.
  local blocked=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && blocked=1
  fi
  apt_install postgresql postgresql-contrib
  if [ -n "$blocked" ]; then rm -f /usr/sbin/policy-rc.d; fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port in 55432-55532" >&2
  exit 1
}

# Runs a PostgreSQL server binary as the cluster's owner: root may not run it, so root uses the postgres account.
as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# ensure_postgres [durable]: "durable" keeps PostgreSQL's default fsync and synchronous commit (for benchmarks).
ensure_postgres() {
  if [ -n "${TEST_PG_DATA:-}" ] && [ -f "${TEST_PG_DATA}/postmaster.pid" ]; then return; fi
  local bin
  bin=$(pg_bindir)
  if [ -z "$bin" ]; then install_postgres; bin=$(pg_bindir); fi
  [ -n "$bin" ] || { echo "PostgreSQL binaries not found after installing" >&2; exit 1; }

  TEST_PG_DATA=$(mktemp -d /tmp/actors-pg.XXXXXX)
  local port password
  port=$(free_port)
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  printf '%s\n' "$password" >"$TEST_PG_DATA.pw"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$TEST_PG_DATA" "$TEST_PG_DATA.pw"; fi
  echo "Starting PostgreSQL ($("$bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port"
  as_pg_owner "$bin/initdb" -D "$TEST_PG_DATA/data" -U postgres --pwfile="$TEST_PG_DATA.pw" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$TEST_PG_DATA.initdb.log" 2>&1 \
    || { cat "$TEST_PG_DATA.initdb.log" >&2; exit 1; }
  rm -f "$TEST_PG_DATA.pw"
  local options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$TEST_PG_DATA -c max_connections=300"
  # Test data is throw-away: no fsync unless asked for. A server killed (pg_ctl -m immediate) keeps what it wrote to the
  # kernel, so fsync=off survives that; synchronous_commit=off does not (a commit may still be in WAL buffers), so the
  # fault tests that restart this server turn synchronous_commit back on for their own database.
  if [ "${1:-}" != durable ]; then options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
  as_pg_owner "$bin/pg_ctl" -D "$TEST_PG_DATA/data" -l "$TEST_PG_DATA/server.log" -w -t 60 -o "$options" \
    start >/dev/null || { cat "$TEST_PG_DATA/server.log" >&2; exit 1; }
  # TEST_PG_OPTIONS lets the fault tests restart this server (pg_ctl -m immediate stop, then start) as it was started.
  export TEST_PG_DATA TEST_PG_BIN="$bin" TEST_PG_OPTIONS="$options"
  export TEST_PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
}

stop_postgres() {
  if [ -z "${TEST_PG_DATA:-}" ] || [ ! -d "$TEST_PG_DATA" ]; then return; fi
  as_pg_owner "$TEST_PG_BIN/pg_ctl" -D "$TEST_PG_DATA/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$TEST_PG_DATA" "$TEST_PG_DATA".*
  unset TEST_PG_DATA TEST_PG_CONNECTION TEST_PG_OPTIONS
}
