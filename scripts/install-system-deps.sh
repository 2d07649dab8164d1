#!/usr/bin/env bash
# System packages the browser, round-trip and remote-store tests use: Chromium, rapper, Virtuoso.
# Installs them with apt-get when run as root and they are missing; otherwise says which are missing
# (those tests then skip with a reason). In CI (CI=true) a failed install is an error.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; then
    exit 0
  fi
  echo "could not install: ${need[*]}" >&2
else
  echo "missing system packages (their tests will skip): ${need[*]}; install with: sudo apt-get install ${need[*]}" >&2
fi
[ "${CI:-}" = "true" ] && exit 1
exit 0
