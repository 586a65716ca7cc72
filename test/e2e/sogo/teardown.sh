#!/usr/bin/env bash
# Stops the daemons setup.sh started (our own nginx, sogod, PostgreSQL,
# memcached and Dovecot instances, found by their pid files under $STATE).
# Packages, configs, database and mailbox stay, so the next setup.sh is a
# warm start. Pass --purge-mail to also delete the rig's mailbox.
set -euo pipefail
RIG=sogo
STATE="${CML_SOGO_STATE:-/var/lib/clickmap-sogo-rig}"
DIE_LOGS=""
# shellcheck source=../rigs/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../rigs/common.sh"

stop_pidfile nginx "$STATE/run/nginx.pid"
stop_pidfile sogod "$STATE/run/sogo/sogo.pid"
if [ -s "$STATE/pg/postmaster.pid" ]; then
  runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)/pg_ctl" -D "$STATE/pg" -m fast -w stop
fi
stop_pidfile memcached "$STATE/run/memcached/memcached.pid"
stop_pidfile dovecot "$STATE/run/dovecot/master.pid"

if [ "${1:-}" = "--purge-mail" ]; then
  rm -rf "$STATE/mail"
  echo "deleted $STATE/mail"
fi
