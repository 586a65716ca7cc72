# A rig's own Dovecot instance (sourced, not run): one passwd-file user whose
# Maildir lives under $STATE/mail, IMAP in plaintext on 127.0.0.1 only, state
# and logs under $STATE. Debian's /etc/dovecot instance is never touched.
# Mail files belong to Debian's stock `mail` user (uid 8) so no user is created.
RIG_MAIL_OWNER=mail

# write_rig_dovecot_conf <user> <pass> <imap port> <instance name>
write_rig_dovecot_conf() {
  local user="$1" pass="$2" port="$3" instance="$4" uid gid
  uid="$(id -u "$RIG_MAIL_OWNER")"
  gid="$(id -g "$RIG_MAIL_OWNER")"
  install -d -m 0755 "$STATE/run" "$STATE/log" "$STATE/lib"
  install -d -o "$RIG_MAIL_OWNER" -g "$RIG_MAIL_OWNER" -m 0750 "$STATE/mail"
  printf '%s:{PLAIN}%s:%s:%s::%s/mail/%s::\n' "$user" "$pass" "$uid" "$gid" "$STATE" "$user" \
    >"$STATE/dovecot.passwd"
  chown root:dovecot "$STATE/dovecot.passwd" && chmod 0640 "$STATE/dovecot.passwd"
  cat >"$STATE/dovecot.conf" <<CONF
# Clickmap Lens $RIG rig: standalone dovecot instance (not /etc/dovecot).
base_dir = $STATE/run/dovecot
state_dir = $STATE/lib/dovecot
instance_name = $instance
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = $STATE/log/dovecot.log
first_valid_uid = $uid
last_valid_uid = $uid
mail_location = maildir:~/Maildir
mail_privileged_group =
default_login_user = dovenull
default_internal_user = dovecot
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $STATE/dovecot.passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u $STATE/dovecot.passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
namespace inbox {
  inbox = yes
  separator = /
}
CONF
}

# start_rig_dovecot <imap port> <port env var name>: starts, or reloads the running one.
start_rig_dovecot() {
  if pid_alive "$STATE/run/dovecot/master.pid" "$STATE/dovecot.conf"; then
    doveadm -c "$STATE/dovecot.conf" reload >/dev/null 2>&1 || true
  else
    require_free_port "$1" "$2"
    daemon dovecot -c "$STATE/dovecot.conf" || die "dovecot failed to start"
  fi
}

imap_greets() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && head -c 4 <&3" 2>/dev/null | grep -q '^\* OK'; }
