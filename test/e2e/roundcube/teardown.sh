#!/usr/bin/env bash
# Stops the daemons setup.sh started (our own nginx, php-fpm and dovecot
# instances, found by the pid files under $STATE/run). Packages, configs and
# the mailbox stay, so the next setup.sh is a warm start (about a second).
# Pass --purge-mail to also delete the rig's mailbox.
set -euo pipefail
STATE="${CML_RC_STATE:-/var/lib/clickmap-roundcube-rig}"

stop_pidfile() {
  local name="$1" pidfile="$2" pid
  if [ -s "$pidfile" ] && pid="$(cat "$pidfile")" && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || { echo "stopped $name (pid $pid)"; return; }
      sleep 0.1
    done
    echo "$name (pid $pid) did not stop in 5s" >&2
    return 1
  fi
  echo "$name not running"
}

stop_pidfile nginx "$STATE/run/nginx.pid"
stop_pidfile php-fpm "$STATE/run/php-fpm.pid"
stop_pidfile dovecot "$STATE/run/dovecot/master.pid"

if [ "${1:-}" = "--purge-mail" ]; then
  rm -rf "$STATE/mail"
  echo "deleted $STATE/mail"
fi
