#!/bin/sh
# Runs `npm ci` in the directory given as $1 unless a previous run already installed the current
# lock file; called by Tributary.TestSupport.Npm.targets. Serialised with flock when available.
set -eu
root="$1"
stamp="$root/node_modules/.tributary-npm-ci.stamp"

install() {
  cd "$root"
  if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ "$stamp" -nt package.json ]; then
    echo "npm packages already installed in $root"
    return 0
  fi
  npm ci --no-audit --no-fund
  touch "$stamp"
}

if command -v flock >/dev/null 2>&1; then
  exec 9>"$root/.npm-ci.lock"
  flock 9
fi
install
