# Config writers for setup.sh (sourced, not run): the rig's own dovecot,
# php-fpm and nginx configs under $STATE, and Roundcube's overrides. Every
# writer rewrites its file whole, so re-running setup.sh converges.
detect_php() {
  PHP_FPM_BIN="$(ls /usr/sbin/php-fpm[0-9]* 2>/dev/null | sort -V | tail -n1)"
  [ -n "$PHP_FPM_BIN" ] || die "no /usr/sbin/php-fpmX.Y found after install"
  PHP_VERSION="${PHP_FPM_BIN#/usr/sbin/php-fpm}"
}

# The rig's own Dovecot (shared with the SOGo and Horde rigs: ../rigs/dovecot.sh).
# shellcheck source=../rigs/dovecot.sh
. "$(dirname "${BASH_SOURCE[0]}")/../rigs/dovecot.sh"
write_dovecot_conf() {
  RIG=roundcube write_rig_dovecot_conf "$RC_USER" "$RC_PASS" "$IMAP_PORT" clickmap-rig
}

write_php_fpm_conf() {
  cat >"$STATE/php-fpm.conf" <<EOF
; Clickmap Lens roundcube rig: standalone php-fpm master with one pool.
[global]
pid = $STATE/run/php-fpm.pid
error_log = $STATE/log/php-fpm.log
daemonize = yes

[roundcube]
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
EOF
}

write_nginx_conf() {
  local tmp="$STATE/nginx-tmp"
  install -d "$tmp"
  cat >"$STATE/nginx.conf" <<EOF
# Clickmap Lens roundcube rig: standalone nginx serving Debian's Roundcube.
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
    server_name 127.0.0.1 localhost;
    root /var/lib/roundcube/public_html;
    index index.php;
    location ~ ^/(\.|config|temp|logs|SQL|bin|installer)(/|\$) { deny all; }
    location ~ \.php(/|\$) {
      include /etc/nginx/fastcgi_params;
      fastcgi_split_path_info ^(.+\.php)(/.*)\$;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_param PATH_INFO \$fastcgi_path_info;
      fastcgi_pass unix:$STATE/run/php-fpm.sock;
    }
    location / { try_files \$uri \$uri/ /index.php?\$args; }
  }
}
EOF
}

write_roundcube_conf() {
  local over=/etc/roundcube/clickmap-rig.inc.php marker='// clickmap-lens roundcube rig'
  [ -f "$STATE/des_key" ] || head -c18 /dev/urandom | base64 >"$STATE/des_key"
  cat >"$over" <<EOF
<?php
$marker: overrides appended to Debian's config.inc.php by setup.sh
\$config['imap_host'] = '127.0.0.1:$IMAP_PORT';
\$config['smtp_host'] = '';
\$config['des_key'] = '$(cat "$STATE/des_key")';
\$config['skin'] = 'elastic';
\$config['product_name'] = 'Roundcube Webmail';
\$config['plugins'] = [];
\$config['enable_installer'] = false;
\$config['language'] = 'en_US';
\$config['log_driver'] = 'file';
// the rig's user is auto-created at first login
\$config['auto_create_user'] = true;
EOF
  chown root:www-data "$over" && chmod 0640 "$over"
  grep -qF "$marker" /etc/roundcube/config.inc.php ||
    printf '\n%s\ninclude(%s);\n' "$marker" "'$over'" >>/etc/roundcube/config.inc.php
  ensure_roundcube_db
}

# dbconfig-common normally creates the sqlite db and debian-db.php; recreate
# whichever is missing (e.g. ucf keeps a hand-deleted debian-db.php deleted, or
# the package was configured earlier for another database).
ensure_roundcube_db() {
  local dir=/var/lib/dbconfig-common/sqlite3/roundcube
  local db="$dir/roundcube"
  if ! { [ -s "$db" ] && php -r "\$d=new PDO('sqlite:$db');exit(\$d->query(\"select count(*) from sqlite_master where name='users'\")->fetchColumn()?0:1);"; }; then
    log "creating sqlite database $db"
    install -d -o www-data -g www-data -m 0770 "$dir"
    rm -f "$db"
    php -r "\$d=new PDO('sqlite:$db');\$d->exec(file_get_contents('/usr/share/roundcube/SQL/sqlite.initial.sql'));"
    chown www-data:www-data "$db" && chmod 0660 "$db"
  fi
  if ! grep -qs "basepath='$dir'" /etc/roundcube/debian-db.php; then
    log "writing /etc/roundcube/debian-db.php"
    printf "<?php\n\$dbtype='sqlite3';\n\$dbname='roundcube';\n\$basepath='%s';\n\$dbuser='';\n\$dbpass='';\n\$dbserver='';\n\$dbport='';\n" "$dir" \
      >/etc/roundcube/debian-db.php
    chown root:www-data /etc/roundcube/debian-db.php && chmod 0640 /etc/roundcube/debian-db.php
  fi
}

