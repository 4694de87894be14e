#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster, with DATABASE_URL pointing at it:
#
#   scripts/with-postgres.sh npx vitest run --project server
#
# The cluster lives in a temporary directory (data, Unix socket and log), listens on a free
# loopback port only, trusts local connections, and is stopped and deleted when the command ends,
# whether it passes, fails or is interrupted. Run as root, the cluster runs as the unprivileged
# `postgres` user (PostgreSQL refuses to run as root); otherwise as the user running this.
#
# Needs PostgreSQL 15 or later (Debian: `apt-get install postgresql`). PG_BIN may name the
# directory of its programs (initdb, pg_ctl, psql) when they are somewhere else, and
# PG_SERVER_OPTIONS more server settings (`-c shared_buffers=1GB`).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [arguments...]   (runs the command with DATABASE_URL set)" >&2
  exit 64
fi

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    echo "$PG_BIN"
    return
  fi
  # The newest installed major version, 15 or later.
  local dir version best="" best_version=0
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] || continue
    version=$(basename "$(dirname "$dir")")
    if [[ "$version" =~ ^[0-9]+$ ]] && [ "$version" -ge 15 ] && [ "$version" -gt "$best_version" ]; then
      best="$dir"
      best_version="$version"
    fi
  done
  if [ -z "$best" ] && command -v pg_config >/dev/null 2>&1; then
    best=$(pg_config --bindir)
  fi
  echo "$best"
}

BIN=$(find_bin)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ] || [ ! -x "$BIN/pg_ctl" ]; then
  cat >&2 <<'EOF'
PostgreSQL 15 or later is not installed, so there is no database to run this against.
Install it, then run this again:
  Debian/Ubuntu:  apt-get install postgresql   (as root; only its programs are used, no service)
  macOS:          brew install postgresql@16
Or set PG_BIN to the directory holding initdb and pg_ctl.
EOF
  exit 127
fi
major=$("$BIN/pg_ctl" --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')
if [ "$major" -lt 15 ]; then
  echo "PostgreSQL $major is too old: Callscope needs 15 or later ($BIN)." >&2
  exit 127
fi

# PostgreSQL will not run as root: the cluster is the `postgres` user's when run as root.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  owner=${PG_OS_USER:-postgres}
  if ! id "$owner" >/dev/null 2>&1; then
    echo "Running as root, but there is no '$owner' user to run PostgreSQL as (set PG_OS_USER)." >&2
    exit 1
  fi
  as_owner=(runuser -u "$owner" --)
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/callscope-pg.XXXXXX")
if [ "${#as_owner[@]}" -gt 0 ]; then chown "$owner" "$dir"; fi
chmod 700 "$dir"

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -f "$dir/data/postmaster.pid" ]; then
    # Immediate: the cluster is thrown away, so nothing needs flushing.
    "${as_owner[@]}" "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${as_owner[@]}" "$BIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C \
  --no-sync --no-instructions >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  echo "initdb failed (above)." >&2
  exit 1
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# A port found free may be taken before the server binds it: try again with another.
started=""
for _ in 1 2 3 4 5; do
  port=$(free_port)
  # Durability is pointless for a cluster deleted afterwards; without fsync, tests run faster.
  if "${as_owner[@]}" "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_SERVER_OPTIONS:-}" \
    start >/dev/null; then
    started=1
    break
  fi
done
if [ -z "$started" ]; then
  cat "$dir/server.log" >&2 || true
  echo "PostgreSQL did not start (its log is above)." >&2
  exit 1
fi

"${as_owner[@]}" "$BIN/psql" -h "$dir" -p "$port" -U postgres -d postgres -qAt \
  -c 'CREATE DATABASE callscope' >/dev/null

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/callscope"
# What scripts/pg-ctl.sh needs to stop and start this very cluster (tests of a database outage).
export CALLSCOPE_PG_DIR="$dir" CALLSCOPE_PG_BIN="$BIN" CALLSCOPE_PG_PORT="$port"
if [ "${#as_owner[@]}" -gt 0 ]; then export CALLSCOPE_PG_OS_USER="$owner"; fi
echo "PostgreSQL $major on 127.0.0.1:$port (throwaway, in $dir): DATABASE_URL=$DATABASE_URL" >&2

# Not exec: the trap must stop the cluster when the command ends. In the background, so a
# signal to this script reaches the command too, and the cluster goes once the command has ended.
set +e
"$@" <&0 &
child=$!
forward() {
  kill -"$1" "$child" 2>/dev/null
  wait "$child"
  exit "$2"
}
trap 'forward INT 130' INT
trap 'forward TERM 143' TERM
wait "$child"
status=$?
set -e
exit "$status"
