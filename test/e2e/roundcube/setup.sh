#!/usr/bin/env bash
# Real-webmail test rig for Clickmap Lens: Debian's Roundcube 1.6 (elastic skin)
# + Dovecot IMAP + php-fpm + nginx, all bound to 127.0.0.1.
#
# Idempotent and non-interactive: installs missing Debian packages (debconf
# preseeded for dbconfig sqlite3), writes the rig's own configs under $STATE,
# starts our own dovecot / php-fpm / nginx instances (no systemd here) unless
# already running, then waits until the login page answers. Debian's default
# service instances (port 80 / 143) are never touched: each daemon here runs
# from a config file of its own, so teardown.sh stops exactly what we started.
#
# Output: KEY=value lines (also written to $STATE/rig.env).
# Env overrides: CML_RC_STATE, CML_RC_HTTP_PORT, CML_RC_IMAP_PORT, CML_RC_USER,
# CML_RC_PASS, CML_RC_WAIT_SECONDS.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

STATE="${CML_RC_STATE:-/var/lib/clickmap-roundcube-rig}"
HTTP_PORT="${CML_RC_HTTP_PORT:-8089}"
IMAP_PORT="${CML_RC_IMAP_PORT:-10143}"
RC_USER="${CML_RC_USER:-qa@clickmap.test}"
RC_PASS="${CML_RC_PASS:-clickmap-qa-pass}"
WAIT_SECONDS="${CML_RC_WAIT_SECONDS:-60}"
RC_URL="http://127.0.0.1:${HTTP_PORT}/"

t_start=$(date +%s.%N)
log() { printf '[roundcube-rig] %s\n' "$*" >&2; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
die() {
  log "ERROR: $*"
  for f in "$STATE"/log/*.log /var/log/roundcube/errors.log; do
    [ -s "$f" ] && { log "--- last lines of $f ---"; tail -n 15 "$f" >&2; }
  done
  exit 1
}

[ "$(id -u)" = 0 ] || die "must run as root (installs packages, binds daemons)"

# ---------------------------------------------------------------- packages
php_fpm_pkg() {
  # php-fpm is a metapackage; name its versioned dependency explicitly so apt
  # does not satisfy php8.x's "libapache2-mod-php | php-fpm" with apache.
  apt-cache depends php-fpm 2>/dev/null | sed -nE 's/.*Depends: (php[0-9.]+-fpm)$/\1/p' | head -n1
}

install_packages() {
  local need=()
  local p
  for p in roundcube roundcube-core roundcube-sqlite3 dovecot-imapd nginx curl; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
  done
  ls /usr/sbin/php-fpm* >/dev/null 2>&1 || need+=(php-fpm)
  [ ${#need[@]} -eq 0 ] && { log "packages already installed"; return; }

  local t0
  t0=$(date +%s.%N)
  log "installing: ${need[*]}"
  if [ -z "$(apt-cache policy roundcube 2>/dev/null | sed -n 's/ *Candidate: //p' | grep -v none)" ]; then
    apt-get -o DPkg::Lock::Timeout=600 update -qq
  fi
  local fpm
  fpm="$(php_fpm_pkg)"
  [ -n "$fpm" ] || die "cannot resolve php-fpm to a versioned package (apt-get update?)"
  # Preseed dbconfig-common: sqlite3 database, no webserver reconfiguration.
  debconf-set-selections <<EOF
roundcube-core roundcube/dbconfig-install boolean true
roundcube-core roundcube/database-type select sqlite3
roundcube-core roundcube/db/basepath string /var/lib/dbconfig-common/sqlite3/roundcube
roundcube-core roundcube/hosts string 127.0.0.1:${IMAP_PORT}
roundcube-core roundcube/reconfigure-webserver multiselect
roundcube-core roundcube/restart-webserver boolean false
EOF
  # Without a policy-rc.d, postinst scripts would start Debian's stock nginx
  # (port 80) and dovecot (143); forbid that only for the length of this install.
  local policy_added=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    policy_added=1
  fi
  local rc=0
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "$fpm" roundcube roundcube-core roundcube-sqlite3 dovecot-imapd nginx curl >"$STATE/log/apt.log" 2>&1 || rc=$?
  [ $policy_added = 1 ] && rm -f /usr/sbin/policy-rc.d
  [ $rc = 0 ] || { tail -n 30 "$STATE/log/apt.log" >&2; die "apt-get install failed (rc=$rc), see $STATE/log/apt.log"; }
  log "packages installed in $(elapsed "$t0")s"
}

# ---------------------------------------------------------------- configs
# shellcheck source=rig-configs.sh
. "$(dirname "${BASH_SOURCE[0]}")/rig-configs.sh"

# ---------------------------------------------------------------- daemons
# Daemons get /dev/null + a log file as stdio: an inherited stdout pipe would
# keep a caller such as `setup.sh | tail` or execSync waiting forever.
# A pid file only counts when its process is that daemon (pids get reused
# after a machine restart).
pid_alive() {
  local pid
  [ -s "$1" ] && pid="$(cat "$1")" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"
}
port_busy() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
require_free_port() {
  port_busy "$1" && die "127.0.0.1:$1 is taken by another process; pick another port with $2=<port>"
  return 0
}

start_daemons() {
  if pid_alive "$STATE/run/dovecot/master.pid" "$STATE/dovecot.conf"; then
    doveadm -c "$STATE/dovecot.conf" reload >/dev/null 2>&1 || true
  else
    require_free_port "$IMAP_PORT" CML_RC_IMAP_PORT
    dovecot -c "$STATE/dovecot.conf" </dev/null >>"$STATE/log/daemons.out" 2>&1 || die "dovecot failed to start"
  fi
  if pid_alive "$STATE/run/php-fpm.pid" "$STATE/php-fpm.conf"; then
    kill -USR2 "$(cat "$STATE/run/php-fpm.pid")"
  else
    "$PHP_FPM_BIN" --fpm-config "$STATE/php-fpm.conf" </dev/null >>"$STATE/log/daemons.out" 2>&1 ||
      die "php-fpm failed to start"
  fi
  nginx -t -c "$STATE/nginx.conf" -q 2>>"$STATE/log/nginx-error.log" || die "nginx config invalid"
  if pid_alive "$STATE/run/nginx.pid" "$STATE/nginx.conf"; then
    nginx -c "$STATE/nginx.conf" -s reload
  else
    require_free_port "$HTTP_PORT" CML_RC_HTTP_PORT
    nginx -c "$STATE/nginx.conf" </dev/null >>"$STATE/log/daemons.out" 2>&1 || die "nginx failed to start"
  fi
}

imap_greets() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$IMAP_PORT && head -c 4 <&3" 2>/dev/null | grep -q '^\* OK'; }
login_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$RC_URL" 2>/dev/null || true; }
login_page_up() { curl -fsS --max-time 3 "$RC_URL" 2>/dev/null | grep -q 'rcmloginuser'; }

# Bounded wait; a server error that persists for 5s is a broken config, not
# a slow start, so it fails fast with the logs.
wait_ready() {
  local start deadline code
  start=$(date +%s)
  deadline=$((start + WAIT_SECONDS))
  until imap_greets && login_page_up; do
    code="$(login_status)"
    if [ "${code:0:1}" = 5 ] && [ $(($(date +%s) - start)) -ge 5 ]; then
      die "$RC_URL answers HTTP $code (Roundcube/PHP error)"
    fi
    [ "$(date +%s)" -lt "$deadline" ] ||
      die "rig not ready after ${WAIT_SECONDS}s (imap 127.0.0.1:$IMAP_PORT greets: $(imap_greets && echo yes || echo no); $RC_URL answers HTTP ${code:-none})"
    sleep 0.3
  done
}

# ---------------------------------------------------------------- main
install -d -m 0755 "$STATE" "$STATE/run" "$STATE/log" "$STATE/lib"
install_packages
detect_php
write_dovecot_conf
write_php_fpm_conf
write_nginx_conf
write_roundcube_conf
start_daemons
wait_ready

{
  echo "RC_URL=$RC_URL"
  echo "RC_USER=$RC_USER"
  echo "RC_PASS=$RC_PASS"
  echo "IMAP_HOST=127.0.0.1"
  echo "IMAP_PORT=$IMAP_PORT"
  echo "MAILDIR=$STATE/mail/$RC_USER/Maildir"
  echo "RC_STATE=$STATE"
  echo "PHP_VERSION=$PHP_VERSION"
  echo "ROUNDCUBE_VERSION=$(dpkg-query -W -f='${Version}' roundcube-core)"
  echo "DOVECOT_VERSION=$(dpkg-query -W -f='${Version}' dovecot-core)"
} | tee "$STATE/rig.env"
log "ready in $(elapsed "$t_start")s"
