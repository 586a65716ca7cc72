# Shared helpers of the real-webmail rigs' setup scripts (sourced, not run):
# logging, failing with the daemons' last log lines, pid and port checks, one
# lock per rig, and installing Debian packages without starting Debian's own
# service instances. The sourcing script sets RIG (log prefix), STATE and
# DIE_LOGS (globs of log files to show on failure) first.
export DEBIAN_FRONTEND=noninteractive

t_start=$(date +%s.%N)
log() { printf '[%s-rig] %s\n' "$RIG" "$*" >&2; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
die() {
  log "ERROR: $*"
  local f
  # shellcheck disable=SC2086 # DIE_LOGS holds globs
  for f in $DIE_LOGS; do
    [ -s "$f" ] && { log "--- last lines of $f ---"; tail -n 15 "$f" >&2; }
  done
  exit 1
}

require_root() { [ "$(id -u)" = 0 ] || die "must run as root (installs packages, binds daemons)"; }

# One setup at a time per rig: a second caller (e.g. an e2e file while the
# background warm-up still runs) waits, then finds everything up.
# Daemons must not inherit the lock's descriptor (they would hold the lock
# for their whole life): start them through `daemon`, which closes it.
rig_lock() {
  install -d -m 0755 "$STATE"
  exec 9>"$STATE/setup.lock"
  flock -w 900 9 || die "another setup.sh held $STATE/setup.lock for 15 min"
}

# daemon <command…>: runs a self-daemonizing command with /dev/null as stdin,
# output appended to $STATE/log/daemons.out, and without the lock descriptor.
daemon() { "$@" </dev/null >>"$STATE/log/daemons.out" 2>&1 9>&-; }

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

# Packages of $@ that are not installed yet.
missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

# apt-get install of "$@" (no recommends, keep existing configs). Without a
# policy-rc.d, postinst scripts would start Debian's stock daemons (nginx on
# 80, dovecot on 143, postgresql on 5432, memcached on 11211, sogo); forbid
# that only for the length of this install. Waits for other apt users.
apt_install() {
  local probe="$1"
  if [ -z "$(apt-cache policy "$probe" 2>/dev/null | sed -n 's/ *Candidate: //p' | grep -v none)" ]; then
    apt-get -o DPkg::Lock::Timeout=600 update -qq
  fi
  local policy_added=0 rc=0 t0
  t0=$(date +%s.%N)
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    policy_added=1
  fi
  install -d "$STATE/log"
  log "installing: $*"
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "$@" >"$STATE/log/apt.log" 2>&1 || rc=$?
  [ $policy_added = 1 ] && rm -f /usr/sbin/policy-rc.d
  [ $rc = 0 ] || { tail -n 30 "$STATE/log/apt.log" >&2; die "apt-get install failed (rc=$rc), see $STATE/log/apt.log"; }
  log "packages installed in $(elapsed "$t0")s"
}

# Stops the daemon of a pid file and its children: TERM, then KILL after 10 s
# (sogod's watchdog may outwait a TERM).
stop_pidfile() {
  local name="$1" pidfile="$2" pid children
  if [ -s "$pidfile" ] && pid="$(cat "$pidfile")" && kill -0 "$pid" 2>/dev/null; then
    children="$(pgrep -P "$pid" || true)"
    kill -TERM "$pid"
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || { echo "stopped $name (pid $pid)"; return 0; }
      sleep 0.1
    done
    # shellcheck disable=SC2086 # word-split the child pids
    kill -KILL "$pid" $children 2>/dev/null || true
    echo "killed $name (pid $pid): it did not stop in 10s"
    return 0
  fi
  echo "$name not running"
}
