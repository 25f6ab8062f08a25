#!/bin/sh
# Runs a command on Node.js 22, provisioning it from the npm registry when this machine's Node is
# another major version (see use-node22.sh), and rebuilding better-sqlite3 when it was built for
# another Node ABI (an `npm ci` run under the machine's own Node). Used by the root npm scripts so
# that `npm ci && npm start` works on a machine whose own Node is older.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
# 22.18+ runs the site's small .ts build steps with Node's own type stripping.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a === 22 && b >= 18 ? 0 : 1)' 2>/dev/null; then
  . "$here/use-node22.sh"
fi
if ! node -e "new (require('better-sqlite3'))(':memory:').close()" >/dev/null 2>&1; then
  echo "with-node22: rebuilding better-sqlite3 for $(node --version)" >&2
  (cd "$here/.." && npm rebuild better-sqlite3 >&2)
fi
exec "$@"
