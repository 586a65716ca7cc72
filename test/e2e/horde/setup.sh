#!/usr/bin/env bash
# Real-webmail test rig for Clickmap Lens: Debian's Horde 5 with IMP 6
# (php-horde-imp) on its own php-fpm master and nginx, a SQLite database and
# its own Dovecot IMAP, all on 127.0.0.1.
#
# Idempotent and non-interactive: installs missing Debian packages (Debian's
# own service instances are never started, see rigs/common.sh), writes
# Horde's and IMP's conf.php from their conf.xml defaults (Horde_Config, as
# Horde's configuration screen does) plus the rig's overrides, creates the
# database with horde-db-migrate, starts each daemon unless it already runs,
# then waits until the login page answers. Ports differ from the Roundcube
# and SOGo rigs', so all three run side by side.
#
# Output: KEY=value lines (also written to $STATE/rig.env).
# Env overrides: CML_HORDE_STATE, CML_HORDE_HTTP_PORT, CML_HORDE_IMAP_PORT,
# CML_HORDE_USER, CML_HORDE_PASS, CML_HORDE_WAIT_SECONDS.
set -euo pipefail
RIG=horde
STATE="${CML_HORDE_STATE:-/var/lib/clickmap-horde-rig}"
HTTP_PORT="${CML_HORDE_HTTP_PORT:-8091}"
IMAP_PORT="${CML_HORDE_IMAP_PORT:-10146}"
HORDE_USER="${CML_HORDE_USER:-qa@clickmap.test}"
HORDE_PASS="${CML_HORDE_PASS:-clickmap-qa-pass}"
WAIT_SECONDS="${CML_HORDE_WAIT_SECONDS:-90}"
HORDE_URL="http://127.0.0.1:${HTTP_PORT}/horde/"
DIE_LOGS="$STATE/log/*.log $STATE/log/*.out"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../rigs/common.sh
. "$HERE/../rigs/common.sh"
# shellcheck source=../rigs/dovecot.sh
. "$HERE/../rigs/dovecot.sh"

PACKAGES=(php-horde-imp php-horde php-sqlite3 php-fpm dovecot-imapd nginx curl)
MARKER='/* clickmap-lens horde rig overrides */'

# ---------------------------------------------------------------- horde
write_horde_conf() {
  local conf=/etc/horde/horde/conf.php imp=/etc/horde/imp/conf.php
  if ! grep -qF "$MARKER" "$conf" 2>/dev/null; then
    # Horde_Config needs a loadable Horde: the shipped minimal conf first.
    cp /etc/horde/horde/conf.php.dist "$conf"
    (cd /tmp && php "$HERE/horde-conf.php" horde 2>>"$STATE/log/horde-conf.log") >"$STATE/horde.conf.php" ||
      die "generating Horde's conf.php failed"
    (cd /tmp && php "$HERE/horde-conf.php" imp 2>>"$STATE/log/horde-conf.log") >"$STATE/imp.conf.php" ||
      die "generating IMP's conf.php failed"
    cp "$STATE/imp.conf.php" "$imp"
    { cat "$STATE/horde.conf.php"; overrides; } >"$conf"
  fi
  chown root:www-data "$conf" "$imp" && chmod 0640 "$conf" "$imp"
  cat >/etc/horde/imp/backends.local.php <<PHP
<?php
$MARKER
\$servers['imap']['hostspec'] = '127.0.0.1';
\$servers['imap']['port'] = $IMAP_PORT;
\$servers['imap']['secure'] = false;
\$servers['imap']['name'] = 'Clickmap rig IMAP';
PHP
  # IMP ships inline HTML display OFF (mime_drivers.php: "NOTE: Inline HTML
  # display is turned OFF by default"): a site that shows HTML mail turns it on.
  cat >/etc/horde/imp/mime_drivers.local.php <<PHP
<?php
$MARKER
\$mime_drivers['html']['inline'] = true;
PHP
  chown root:www-data /etc/horde/imp/backends.local.php /etc/horde/imp/mime_drivers.local.php
  chmod 0640 /etc/horde/imp/backends.local.php /etc/horde/imp/mime_drivers.local.php
}

# The rig's settings after Horde's generated defaults (later assignments win).
overrides() {
  cat <<PHP
$MARKER
\$conf['sql'] = array('phptype' => 'sqlite', 'database' => '$STATE/db/horde.sqlite', 'charset' => 'utf-8');
\$conf['auth']['driver'] = 'application';
\$conf['auth']['params'] = array('app' => 'imp');
\$conf['auth']['admins'] = array();
\$conf['auth']['checkip'] = false;
\$conf['auth']['checkbrowser'] = false;
\$conf['use_ssl'] = 0;
\$conf['server']['name'] = isset(\$_SERVER['SERVER_NAME']) ? \$_SERVER['SERVER_NAME'] : '127.0.0.1';
\$conf['server']['port'] = isset(\$_SERVER['SERVER_PORT']) ? \$_SERVER['SERVER_PORT'] : $HTTP_PORT;
\$conf['cookie']['domain'] = '';
\$conf['cookie']['path'] = '/horde';
\$conf['session']['name'] = 'Horde';
\$conf['session']['cache_limiter'] = 'nocache';
\$conf['session']['max_time'] = 72000;
\$conf['session']['timeout'] = 0;
\$conf['tmpdir'] = '$STATE/tmp';
\$conf['cache']['params']['dir'] = '$STATE/tmp';
\$conf['log']['type'] = 'file';
\$conf['log']['name'] = '$STATE/log/horde.log';
\$conf['log']['priority'] = 'WARNING';
\$conf['log']['ident'] = 'HORDE';
\$conf['log']['enabled'] = true;
\$conf['testdisable'] = true;
\$conf['user']['select_view'] = false;
\$conf['debug_level'] = E_ALL & ~E_NOTICE & ~E_DEPRECATED;
PHP
}

ensure_database() {
  if [ ! -s "$STATE/db/migrated" ]; then
    log "creating Horde's database (horde-db-migrate)"
    (cd /tmp && horde-db-migrate >>"$STATE/log/horde-db-migrate.log" 2>&1) || die "horde-db-migrate failed"
    chown -R www-data:www-data "$STATE/db"
    date -u >"$STATE/db/migrated"
  fi
}

# ---------------------------------------------------------------- php-fpm, nginx
detect_php() {
  PHP_FPM_BIN="$(ls /usr/sbin/php-fpm[0-9]* 2>/dev/null | sort -V | tail -n1)"
  [ -n "$PHP_FPM_BIN" ] || die "no /usr/sbin/php-fpmX.Y found after install"
}

write_php_fpm_conf() {
  # A copy www-data can read wherever the checkout is.
  install -m 0644 "$HERE/php8-compat.php" "$STATE/php8-compat.php"
  cat >"$STATE/php-fpm.conf" <<CONF
; Clickmap Lens horde rig: standalone php-fpm master with one pool.
[global]
pid = $STATE/run/php-fpm.pid
error_log = $STATE/log/php-fpm.log
daemonize = yes

[horde]
user = www-data
group = www-data
listen = $STATE/run/php-fpm.sock
listen.owner = www-data
listen.group = www-data
listen.mode = 0660
pm = dynamic
pm.max_children = 6
pm.start_servers = 2
pm.min_spare_servers = 1
pm.max_spare_servers = 3
catch_workers_output = yes
php_admin_value[error_log] = $STATE/log/php-errors.log
php_admin_flag[log_errors] = on
php_admin_value[session.save_path] = $STATE/tmp
php_admin_value[error_reporting] = E_ALL & ~E_DEPRECATED & ~E_NOTICE
; IMP 6.2.27 calls each(), removed in PHP 8: see php8-compat.php.
php_admin_value[auto_prepend_file] = $STATE/php8-compat.php
CONF
}

write_nginx_conf() {
  local tmp="$STATE/nginx-tmp"
  install -d "$tmp"
  cat >"$STATE/nginx.conf" <<CONF
# Clickmap Lens horde rig: standalone nginx serving Debian's Horde at /horde/.
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
    location = / { return 302 /horde/; }
    location ^~ /horde/ {
      alias /usr/share/horde/;
      index index.php;
      location ~ ^/horde/(config|lib|locale|templates)/ { deny all; }
      location ~ ^/horde/(.+\.php)(/.*)?\$ {
        alias /usr/share/horde/;
        include /etc/nginx/fastcgi_params;
        fastcgi_param SCRIPT_FILENAME /usr/share/horde/\$1;
        fastcgi_param SCRIPT_NAME /horde/\$1;
        fastcgi_param PATH_INFO \$2;
        fastcgi_pass unix:$STATE/run/php-fpm.sock;
      }
    }
  }
}
CONF
}

start_daemons() {
  if pid_alive "$STATE/run/php-fpm.pid" "$STATE/php-fpm.conf"; then
    kill -USR2 "$(cat "$STATE/run/php-fpm.pid")"
  else
    daemon "$PHP_FPM_BIN" --fpm-config "$STATE/php-fpm.conf" || die "php-fpm failed to start"
  fi
  nginx -t -c "$STATE/nginx.conf" -q 2>>"$STATE/log/nginx-error.log" || die "nginx config invalid"
  if pid_alive "$STATE/run/nginx.pid" "$STATE/nginx.conf"; then
    nginx -c "$STATE/nginx.conf" -s reload
  else
    require_free_port "$HTTP_PORT" CML_HORDE_HTTP_PORT
    daemon nginx -c "$STATE/nginx.conf" || die "nginx failed to start"
  fi
}

# ---------------------------------------------------------------- readiness
login_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${HORDE_URL}login.php" 2>/dev/null || true; }
login_page_up() { curl -fsSL --max-time 5 "${HORDE_URL}login.php" 2>/dev/null | grep -q 'horde_user'; }

wait_ready() {
  local start deadline code
  start=$(date +%s)
  deadline=$((start + WAIT_SECONDS))
  until imap_greets "$IMAP_PORT" && login_page_up; do
    code="$(login_status)"
    if [ "${code:0:1}" = 5 ] && [ $(($(date +%s) - start)) -ge 5 ]; then
      die "${HORDE_URL}login.php answers HTTP $code (Horde/PHP error)"
    fi
    [ "$(date +%s)" -lt "$deadline" ] ||
      die "rig not ready after ${WAIT_SECONDS}s (imap 127.0.0.1:$IMAP_PORT greets: $(imap_greets "$IMAP_PORT" && echo yes || echo no); ${HORDE_URL}login.php answers HTTP ${code:-none})"
    sleep 0.3
  done
}

# ---------------------------------------------------------------- main
require_root
rig_lock
install -d -m 0755 "$STATE/run" "$STATE/log" "$STATE/lib"
mapfile -t need < <(missing_packages "${PACKAGES[@]}")
if [ ${#need[@]} -gt 0 ]; then apt_install "${need[@]}"; else log "packages already installed"; fi
detect_php
write_rig_dovecot_conf "$HORDE_USER" "$HORDE_PASS" "$IMAP_PORT" clickmap-horde-rig
install -d -o www-data -g www-data -m 0770 "$STATE/db" "$STATE/tmp"
write_horde_conf
ensure_database
write_php_fpm_conf
write_nginx_conf
start_rig_dovecot "$IMAP_PORT" CML_HORDE_IMAP_PORT
start_daemons
wait_ready

{
  echo "HORDE_URL=$HORDE_URL"
  echo "HORDE_USER=$HORDE_USER"
  echo "HORDE_PASS=$HORDE_PASS"
  echo "IMAP_HOST=127.0.0.1"
  echo "IMAP_PORT=$IMAP_PORT"
  echo "HORDE_STATE=$STATE"
  echo "HORDE_VERSION=$(dpkg-query -W -f='${Version}' php-horde)"
  echo "IMP_VERSION=$(dpkg-query -W -f='${Version}' php-horde-imp)"
} | tee "$STATE/rig.env"
log "ready in $(elapsed "$t_start")s"
