#!/usr/bin/env bash
# Installs Ghost (npm `ghost`, pinned) for the e2e rig, once, into a cache
# outside the repository; every later run finds it there in well under a second.
#
# Ghost is a pnpm project (patches + local component tarballs), so the package
# is unpacked from npm and installed with the pnpm version its packageManager
# names, against a pnpm store kept in the same cache. better-sqlite3 has no
# prebuilt binary reachable here and builds from source: node-gyp must use the
# running Node's own headers (npm_config_nodedir) instead of downloading them.
#
# Output: GHOST_DIR=<path> on stdout. Env: CML_GHOST_CACHE, CML_GHOST_VERSION.
set -euo pipefail

VERSION="${CML_GHOST_VERSION:-6.65.0}"
CACHE="${CML_GHOST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/clickmap-lens/ghost}"
DIR="$CACHE/ghost-$VERSION"
STORE="$CACHE/pnpm-store"
log() { printf '[ghost-install] %s\n' "$*" >&2; }

if [ -f "$DIR/.installed" ]; then
  echo "GHOST_DIR=$DIR"
  exit 0
fi

command -v node >/dev/null || { log "node not on PATH"; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 22 ] || { log "Ghost $VERSION needs Node 22/24, found $(node -v)"; exit 1; }
missing=()
for tool in g++ make python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { log "${missing[*]} needed to build better-sqlite3 (apt-get install build-essential python3)"; exit 1; }
  log "apt-get install build-essential python3 (for ${missing[*]})"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 build-essential python3 >&2 ||
    { apt-get update -qq -o DPkg::Lock::Timeout=600 && apt-get install -y -qq -o DPkg::Lock::Timeout=600 build-essential python3 >&2; }
fi

t0=$(date +%s)
mkdir -p "$CACHE"
# One installer at a time (e2e files and CI setup may race).
exec 9>"$CACHE/.lock"
flock 9
if [ -f "$DIR/.installed" ]; then
  echo "GHOST_DIR=$DIR"
  exit 0
fi

work=$(mktemp -d "$CACHE/.unpack.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "ghost@$VERSION" >/dev/null && tar xzf "ghost-$VERSION.tgz")
pm=$(node -p "require('$work/package/package.json').packageManager.split('+')[0]")
case "$pm" in pnpm@*) ;; *) log "unexpected packageManager $pm"; exit 1 ;; esac
# pnpm >= 11 is a native binary carried by an optional dependency
# (@pnpm/exe.<target>): install it with npm, which fetches that package too.
pnpm_dir="$CACHE/${pm/@/-}"
pnpm_bin="$pnpm_dir/node_modules/.bin/pnpm"
if ! "$pnpm_bin" --version >/dev/null 2>&1; then
  rm -rf "$pnpm_dir" && mkdir -p "$pnpm_dir"
  npm install --silent --no-audit --no-fund --no-save --prefix "$pnpm_dir" "$pm" >&2
fi

node_root=$(dirname "$(dirname "$(command -v node)")")
log "pnpm install (${pm}) of ghost@$VERSION; better-sqlite3 builds from source (~2 min cold)"
(
  cd "$work/package"
  npm_config_nodedir="$node_root" COREPACK_ENABLE_STRICT=0 \
    "$pnpm_bin" install --prod --frozen-lockfile \
    --store-dir "$STORE" --config.confirmModulesPurge=false --reporter=append-only >&2
)
rm -rf "$DIR"
mv "$work/package" "$DIR"
touch "$DIR/.installed"
log "installed in $(( $(date +%s) - t0 )) s"
echo "GHOST_DIR=$DIR"
