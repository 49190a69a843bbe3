#!/bin/sh
# Installs the Debian packages Tributary's tests run for real: redis-server (the distributed cache)
# and chromium (the headless browser that checks the /health page). Called by the build of
# Tributary.TestSupport (see Tributary.TestSupport.System.targets); does nothing when both are present.
# flock serialises concurrent builds; the check is repeated under the lock.
set -eu
stamp_dir="${1:?usage: install-packages.sh STAMP_DIR}"
mkdir -p "$stamp_dir"
missing() {
  need=""
  command -v redis-server >/dev/null 2>&1 || need="$need redis-server"
  command -v chromium >/dev/null 2>&1 || need="$need chromium"
  echo "$need"
}
[ -z "$(missing)" ] && exit 0
exec 9>"$stamp_dir/.apt.lock"
flock 9
need=$(missing)
[ -z "$need" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: the tests need:$need, and apt-get is not available here. Install them with your package manager (or build with -p:TributarySkipSystemPackages=true; the tests that need them then fail)." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=sudo; else
    echo "error: the tests need the Debian packages:$need. Run as root, or install them: apt-get install$need" >&2
    exit 1
  fi
else sudo=""; fi
echo "Tributary.TestSupport: apt-get install$need"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $need fonts-dejavu-core >/dev/null
