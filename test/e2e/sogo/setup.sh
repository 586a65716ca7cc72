#!/usr/bin/env bash
# Real-webmail test rig for Clickmap Lens: Debian's SOGo 5.8 with its own
# PostgreSQL cluster, memcached, Dovecot IMAP and nginx, all on 127.0.0.1.
#
# Idempotent and non-interactive: installs missing Debian packages (Debian's
# own service instances are never started: see apt_install), writes the rig's
# configs under $STATE (and /etc/sogo/sogo.conf, SOGo reads no other), starts
# each daemon unless it already runs, then waits until the login page answers.
# Ports differ from the Roundcube rig's, so both run side by side.
#
# Output: KEY=value lines (also written to $STATE/rig.env).
# Env overrides: CML_SOGO_STATE, CML_SOGO_HTTP_PORT, CML_SOGO_IMAP_PORT,
# CML_SOGO_PG_PORT, CML_SOGO_MEMCACHED_PORT, CML_SOGO_WO_PORT, CML_SOGO_USER,
# CML_SOGO_PASS, CML_SOGO_WAIT_SECONDS.
set -euo pipefail
RIG=sogo
STATE="${CML_SOGO_STATE:-/var/lib/clickmap-sogo-rig}"
HTTP_PORT="${CML_SOGO_HTTP_PORT:-8090}"
IMAP_PORT="${CML_SOGO_IMAP_PORT:-10145}"
PG_PORT="${CML_SOGO_PG_PORT:-15432}"
MC_PORT="${CML_SOGO_MEMCACHED_PORT:-11212}"
WO_PORT="${CML_SOGO_WO_PORT:-20090}"
SOGO_USER="${CML_SOGO_USER:-qa@clickmap.test}"
SOGO_PASS="${CML_SOGO_PASS:-clickmap-qa-pass}"
WAIT_SECONDS="${CML_SOGO_WAIT_SECONDS:-240}"
SOGO_URL="http://127.0.0.1:${HTTP_PORT}/SOGo/"
DIE_LOGS="$STATE/log/*.log $STATE/log/*.out"
HERE="$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=../rigs/common.sh
. "$HERE/../rigs/common.sh"
# shellcheck source=../rigs/dovecot.sh
. "$HERE/../rigs/dovecot.sh"

PACKAGES=(sogo memcached postgresql dovecot-imapd nginx curl)

# ---------------------------------------------------------------- postgresql
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }
as_postgres() { runuser -u postgres -- "$@"; }
psql_rig() { as_postgres "$PG_BIN/psql" -h "$STATE/run/pg" -p "$PG_PORT" -v ON_ERROR_STOP=1 -qAt "$@"; }

start_postgres() {
  PG_BIN="$(pg_bin)"
  [ -n "$PG_BIN" ] || die "no /usr/lib/postgresql/*/bin after install"
  install -d -o postgres -g postgres -m 0700 "$STATE/pg"
  install -d -o postgres -g postgres -m 0755 "$STATE/run/pg"
  touch "$STATE/log/postgres.log" && chown postgres "$STATE/log/postgres.log"
  if [ ! -s "$STATE/pg/PG_VERSION" ]; then
    log "initdb $STATE/pg"
    as_postgres "$PG_BIN/initdb" -D "$STATE/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      >>"$STATE/log/postgres.log" 2>&1 || die "initdb failed"
  fi
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$STATE/pg" status >/dev/null 2>&1; then
    require_free_port "$PG_PORT" CML_SOGO_PG_PORT
    daemon as_postgres "$PG_BIN/pg_ctl" -D "$STATE/pg" -l "$STATE/log/postgres.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $STATE/run/pg -c fsync=off" start ||
      die "postgresql failed to start"
  fi
  # Role, database and the user source view SOGo authenticates against.
  if [ "$(psql_rig -U postgres -d postgres -c "select 1 from pg_roles where rolname='sogo'")" != 1 ]; then
    psql_rig -U postgres -d postgres -c "create role sogo login password 'sogo'"
    psql_rig -U postgres -d postgres -c "create database sogo owner sogo"
  fi
  psql_rig -U sogo -d sogo <<SQL
create table if not exists sogo_users (
  c_uid varchar(128) primary key, c_name varchar(128), c_password varchar(256),
  c_cn varchar(128), mail varchar(128));
insert into sogo_users values ('$SOGO_USER', '$SOGO_USER', '$SOGO_PASS', 'QA Reader', '$SOGO_USER')
  on conflict (c_uid) do update set c_password = excluded.c_password;
SQL
}

# ---------------------------------------------------------------- memcached
start_memcached() {
  # memcached writes its pid file after dropping root: the directory is memcache's.
  install -d -o memcache -g memcache -m 0755 "$STATE/run/memcached"
  if ! pid_alive "$STATE/run/memcached/memcached.pid" "-p $MC_PORT"; then
    require_free_port "$MC_PORT" CML_SOGO_MEMCACHED_PORT
    daemon memcached -d -u memcache -l 127.0.0.1 -p "$MC_PORT" -U 0 -m 64 \
      -P "$STATE/run/memcached/memcached.pid" || die "memcached failed to start"
  fi
}

# ---------------------------------------------------------------- sogo
write_sogo_conf() {
  local db="postgresql://sogo:sogo@127.0.0.1:$PG_PORT/sogo"
  cat >/etc/sogo/sogo.conf <<CONF
/* Clickmap Lens SOGo rig: written by test/e2e/sogo/setup.sh (rewritten on every run). */
{
  WOPort = "127.0.0.1:$WO_PORT";
  WOWorkersCount = 2;
  WOLogFile = "$STATE/log/sogo.log";
  WOPidFile = "$STATE/run/sogo/sogo.pid";
  SOGoProfileURL = "$db/sogo_user_profile";
  OCSFolderInfoURL = "$db/sogo_folder_info";
  OCSSessionsFolderURL = "$db/sogo_sessions_folder";
  OCSEMailAlarmsFolderURL = "$db/sogo_alarms_folder";
  OCSCacheFolderURL = "$db/sogo_cache_folder";
  OCSStoreURL = "$db/sogo_store";
  OCSAclURL = "$db/sogo_acl";
  OCSAdminURL = "$db/sogo_admin";
  SOGoMemcachedHost = "127.0.0.1:$MC_PORT";
  SOGoIMAPServer = "imap://127.0.0.1:$IMAP_PORT";
  SOGoMailDomain = "clickmap.test";
  SOGoLanguage = English;
  SOGoLoginModule = Mail;
  SOGoTimeZone = UTC;
  SOGoMailMessageCheck = manually;
  SOGoMailAuxiliaryUserAccountsEnabled = NO;
  SOGoForceExternalLoginWithEmail = NO;
  SOGoPasswordChangeEnabled = NO;
  SOGoVacationEnabled = NO;
  SOGoSieveScriptsEnabled = NO;
  NGImap4ConnectionStringSeparator = "/";
  SOGoDraftsFolderName = Drafts;
  SOGoSentFolderName = Sent;
  SOGoTrashFolderName = Trash;
  SOGoUserSources = (
    {
      type = sql;
      id = users;
      viewURL = "$db/sogo_users";
      canAuthenticate = YES;
      isAddressBook = NO;
      userPasswordAlgorithm = plain;
      displayName = "Rig users";
    }
  );
}
CONF
  chown root:sogo /etc/sogo/sogo.conf && chmod 0640 /etc/sogo/sogo.conf
}

start_sogo() {
  install -d -o sogo -g sogo -m 0755 "$STATE/run/sogo"
  touch "$STATE/log/sogo.log" && chown sogo "$STATE/log/sogo.log"
  local sum
  sum="$(md5sum /etc/sogo/sogo.conf | cut -c1-32)"
  if pid_alive "$STATE/run/sogo/sogo.pid" sogod && [ "$(cat "$STATE/run/sogo/conf.md5" 2>/dev/null)" = "$sum" ]; then
    return
  fi
  pid_alive "$STATE/run/sogo/sogo.pid" sogod && stop_pidfile sogod "$STATE/run/sogo/sogo.pid" >/dev/null
  require_free_port "$WO_PORT" CML_SOGO_WO_PORT
  # sogod detaches itself; HOME is where GNUstep keeps the sogo user's defaults.
  daemon runuser -u sogo -- env HOME=/var/lib/sogo /usr/sbin/sogod || die "sogod failed to start"
  echo "$sum" >"$STATE/run/sogo/conf.md5"
}

# ---------------------------------------------------------------- nginx
write_nginx_conf() {
  local tmp="$STATE/nginx-tmp" res
  res="$(ls -d /usr/lib/GNUstep/SOGo/WebServerResources 2>/dev/null || true)"
  [ -n "$res" ] || die "SOGo's WebServerResources not found under /usr/lib/GNUstep/SOGo"
  install -d "$tmp"
  cat >"$STATE/nginx.conf" <<CONF
# Clickmap Lens SOGo rig: standalone nginx in front of sogod (SOGo's documented proxy headers).
user www-data;
worker_processes 1;
pid $STATE/run/nginx.pid;
error_log $STATE/log/nginx-error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $STATE/log/nginx-access.log;
  client_body_temp_path $tmp/body;
  fastcgi_temp_path $tmp/fastcgi;
  proxy_temp_path $tmp/proxy;
  uwsgi_temp_path $tmp/uwsgi;
  scgi_temp_path $tmp/scgi;
  client_max_body_size 20m;
  server {
    listen 127.0.0.1:$HTTP_PORT;
    server_name 127.0.0.1;
    location = / { return 302 /SOGo/; }
    location ^~ /SOGo {
      proxy_pass http://127.0.0.1:$WO_PORT;
      proxy_redirect http://127.0.0.1:$WO_PORT default;
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Real-IP \$remote_addr;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header x-webobjects-server-protocol HTTP/1.0;
      proxy_set_header x-webobjects-remote-host 127.0.0.1;
      proxy_set_header x-webobjects-server-name \$server_name;
      proxy_set_header x-webobjects-server-url \$scheme://\$host:\$server_port;
      proxy_set_header x-webobjects-server-port \$server_port;
      proxy_read_timeout 120;
      # the login answer carries big cookies (SOGo docs: 64k buffers)
      proxy_buffer_size 128k;
      proxy_buffers 64 512k;
      proxy_busy_buffers_size 512k;
    }
    location /SOGo.woa/WebServerResources/ { alias $res/; }
    location /SOGo/WebServerResources/ { alias $res/; }
  }
}
CONF
}

start_nginx() {
  nginx -t -c "$STATE/nginx.conf" -q 2>>"$STATE/log/nginx-error.log" || die "nginx config invalid"
  if pid_alive "$STATE/run/nginx.pid" "$STATE/nginx.conf"; then
    nginx -c "$STATE/nginx.conf" -s reload
  else
    require_free_port "$HTTP_PORT" CML_SOGO_HTTP_PORT
    daemon nginx -c "$STATE/nginx.conf" || die "nginx failed to start"
  fi
}

# ---------------------------------------------------------------- readiness
login_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$SOGO_URL" 2>/dev/null || true; }
login_page_up() { curl -fsSL --max-time 5 "$SOGO_URL" 2>/dev/null | grep -q 'SOGo.MainUI'; }

wait_ready() {
  local start deadline code
  start=$(date +%s)
  deadline=$((start + WAIT_SECONDS))
  until imap_greets "$IMAP_PORT" && login_page_up; do
    code="$(login_status)"
    [ "$(date +%s)" -lt "$deadline" ] ||
      die "rig not ready after ${WAIT_SECONDS}s (imap 127.0.0.1:$IMAP_PORT greets: $(imap_greets "$IMAP_PORT" && echo yes || echo no); $SOGO_URL answers HTTP ${code:-none})"
    sleep 0.5
  done
}

# ---------------------------------------------------------------- main
require_root
rig_lock
install -d -m 0755 "$STATE/run" "$STATE/log" "$STATE/lib"
mapfile -t need < <(missing_packages "${PACKAGES[@]}")
if [ ${#need[@]} -gt 0 ]; then apt_install "${need[@]}"; else log "packages already installed"; fi
write_rig_dovecot_conf "$SOGO_USER" "$SOGO_PASS" "$IMAP_PORT" clickmap-sogo-rig
write_sogo_conf
write_nginx_conf
start_rig_dovecot "$IMAP_PORT" CML_SOGO_IMAP_PORT
start_memcached
start_postgres
start_sogo
start_nginx
wait_ready

{
  echo "SOGO_URL=$SOGO_URL"
  echo "SOGO_USER=$SOGO_USER"
  echo "SOGO_PASS=$SOGO_PASS"
  echo "IMAP_HOST=127.0.0.1"
  echo "IMAP_PORT=$IMAP_PORT"
  echo "SOGO_STATE=$STATE"
  echo "SOGO_VERSION=$(dpkg-query -W -f='${Version}' sogo)"
  echo "DOVECOT_VERSION=$(dpkg-query -W -f='${Version}' dovecot-core)"
} | tee "$STATE/rig.env"
log "ready in $(elapsed "$t_start")s"
