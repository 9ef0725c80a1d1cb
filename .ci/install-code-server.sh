#!/usr/bin/env bash
# Installs code-server 4.100.3 (= VS Code 1.100.3, Node 20) for the editor tests, once, into a tools
# folder OUTSIDE the repository. Offline-safe: only the npm registry and Debian's archive are used.
# Three fixes make its native build work without GitHub downloads:
#   1. libkrb5-dev for the `kerberos` module's headers;
#   2. a seeded @vscode/ripgrep download cache holding Debian's /usr/bin/rg;
#   3. npm_config_yes / npm_config_unsafe_perm, and nodedir=/usr so node-gyp uses Debian's headers.
# Prints the install folder on its last line. Skips everything when already installed.
set -euo pipefail

VERSION=4.100.3
TOOLS_DIR="${VPLAN_TOOLS_DIR:-$HOME/.cache/vplan-tools}"
DEST="$TOOLS_DIR/code-server-$VERSION"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"
MARKER="$DEST/.installed"

# code-server 4.100.3 runs on Node 20: use Debian's node and npm, not the repository's Node 22.
export PATH="/usr/bin:/bin:/usr/sbin:/sbin:$PATH"

if [ -f "$MARKER" ] && [ -f "$ENTRY" ]; then
    echo "code-server $VERSION already installed"
    echo "$DEST"
    exit 0
fi

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
need=()
[ -f /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
command -v make >/dev/null 2>&1 || need+=(make)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# node-gyp must find the headers of the Node that runs code-server (the nodejs package ships them).
if [ ! -f /usr/include/node/node.h ]; then
    echo "install-code-server: /usr/include/node/node.h is missing: node-gyp would try to download Node's headers" >&2
    exit 1
fi

rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
cat > package.json <<'JSON'
{
  "name": "vplan-code-server-tools",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON

export npm_config_yes=true
export npm_config_unsafe_perm=true
export npm_config_nodedir=/usr
export npm_config_audit=false
export npm_config_fund=false
export npm_config_update_notifier=false
export TMPDIR="$DEST/tmp"
mkdir -p "$TMPDIR"

echo "installing code-server $VERSION into $DEST"
# Saved as a direct dependency, so that allowScripts (npm 11's install-script approval) covers it.
npm install --ignore-scripts --save-exact "code-server@$VERSION" >/dev/null

# Seed @vscode/ripgrep's cache with Debian's rg, so that its postinstall downloads nothing.
VSCODE_DIR="$DEST/node_modules/code-server/lib/vscode"
RG_VERSION="$(node -e '
  const s = require(process.argv[1]);
  const all = { ...(s.packages || {}), ...(s.dependencies || {}) };
  const hit = Object.entries(all).find(([k]) => k.endsWith("@vscode/ripgrep"));
  if (!hit) process.exit(1);
  console.log(hit[1].version);
' "$VSCODE_DIR/npm-shrinkwrap.json")"
RG_PKG_DIR="$TMPDIR/ripgrep-pkg"
mkdir -p "$RG_PKG_DIR"
(cd "$RG_PKG_DIR" && npm pack --silent "@vscode/ripgrep@$RG_VERSION" >/dev/null && tar xzf vscode-ripgrep-*.tgz)
# download.js caches in $TMPDIR/vscode-ripgrep-cache-<package version>/ripgrep-<binary version>-<target>.tar.gz;
# the binary version is fixed in its postinstall.js.
RG_BIN_VERSION="$(grep -oE "^const VERSION = '[^']+'" "$RG_PKG_DIR/package/lib/postinstall.js" | sed -E "s/.*'([^']+)'/\1/")"
[ -n "$RG_BIN_VERSION" ] || { echo "cannot read @vscode/ripgrep's binary version" >&2; exit 1; }
ASSET="ripgrep-${RG_BIN_VERSION}-x86_64-unknown-linux-musl.tar.gz"
CACHE_DIR="$TMPDIR/vscode-ripgrep-cache-$RG_VERSION"
mkdir -p "$CACHE_DIR"
STAGE="$TMPDIR/rg-stage"
mkdir -p "$STAGE"
cp /usr/bin/rg "$STAGE/rg"
tar czf "$CACHE_DIR/$ASSET" -C "$STAGE" rg
echo "seeded ripgrep cache: $CACHE_DIR/$ASSET"

# Now run the install scripts: argon2's native build, and code-server's postinstall, which
# installs lib/vscode's dependencies and builds their native modules against /usr/include/node.
npm rebuild >"$DEST/rebuild.log" 2>&1 || { tail -40 "$DEST/rebuild.log"; exit 1; }

node "$ENTRY" --version >/dev/null
touch "$MARKER"
rm -rf "$TMPDIR"
echo "code-server $VERSION installed"
echo "$DEST"
