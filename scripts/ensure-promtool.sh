#!/usr/bin/env bash
# promtool (Debian's prometheus package) for the alert rules' tests (npm run test:deploy, .ci/run),
# installed when missing. Where systemd runs, the package also starts Debian's own Prometheus on
# :9090 (`systemctl disable --now prometheus` if it is not wanted); in a container nothing starts.
set -euo pipefail
if command -v promtool >/dev/null 2>&1; then exit 0; fi
echo "Installing Debian's prometheus (promtool, for the alert rules' tests)…" >&2
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends prometheus >&2 || { $SUDO apt-get update >&2 && $SUDO apt-get install -y --no-install-recommends prometheus >&2; }
