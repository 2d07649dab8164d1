#!/usr/bin/env bash
# System packages the browser, round-trip and remote-store tests use: Chromium, rapper, Virtuoso.
# Installs them with apt-get when run as root and they are missing; otherwise says which are missing
# (those tests then skip with a reason). In CI (CI=true) a failed install is an error.
# Another apt run holding the lock (an unattended upgrade on a fresh machine) is waited for, up to
# APT_LOCK_WAIT seconds (default 600), not taken as a failure.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  wait_s=${APT_LOCK_WAIT:-600}
  apt=(apt-get -o "DPkg::Lock::Timeout=$wait_s")
  # apt-get update does not honour the dpkg lock timeout for the lists lock on every apt version: retry it
  deadline=$((SECONDS + wait_s))
  until "${apt[@]}" update -qq; do
    if [ $SECONDS -ge $deadline ]; then echo "apt-get update failed (or its lock was held) for ${wait_s} s" >&2; break; fi
    echo "apt is busy (another install holds its lock); waiting" >&2
    sleep 10
  done
  if "${apt[@]}" install -y -qq --no-install-recommends "${need[@]}" >/dev/null; then
    exit 0
  fi
  echo "could not install: ${need[*]}" >&2
else
  echo "missing system packages (their tests will skip): ${need[*]}; install with: sudo apt-get install ${need[*]}" >&2
fi
[ "${CI:-}" = "true" ] && exit 1
exit 0
