#!/usr/bin/env bash
# Stops or starts the throwaway cluster of scripts/with-postgres.sh from inside the command it
# runs (tests of a database outage), with the same port and settings, so DATABASE_URL stays valid:
#
#   scripts/pg-ctl.sh stop     # fast shutdown: connections are cut, as in a crash of the server
#   scripts/pg-ctl.sh start
set -euo pipefail

if [ -z "${CALLSCOPE_PG_DIR:-}" ] || [ -z "${CALLSCOPE_PG_BIN:-}" ] || [ -z "${CALLSCOPE_PG_PORT:-}" ]; then
  echo "no throwaway cluster here: run this under scripts/with-postgres.sh" >&2
  exit 64
fi
as_owner=()
if [ -n "${CALLSCOPE_PG_OS_USER:-}" ]; then as_owner=(runuser -u "$CALLSCOPE_PG_OS_USER" --); fi
dir=$CALLSCOPE_PG_DIR
case "${1:-}" in
  stop)
    "${as_owner[@]}" "$CALLSCOPE_PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  start)
    "${as_owner[@]}" "$CALLSCOPE_PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $CALLSCOPE_PG_PORT -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null
    ;;
  *)
    echo "usage: $0 stop|start" >&2
    exit 64
    ;;
esac
