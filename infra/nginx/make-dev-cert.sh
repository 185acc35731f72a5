#!/bin/sh
# Makes a self-signed TLS certificate for development: fullchain.pem and privkey.pem for
# localhost and 127.0.0.1, valid 365 days, written to the given directory (default
# infra/nginx/certs/, which docker-compose mounts at /etc/nginx/certs).
#
#   infra/nginx/make-dev-cert.sh [dir]
#
# Never use it in production: there, fullchain.pem/privkey.pem come from a real CA (e.g. Let's
# Encrypt) and TLS_CERT/TLS_KEY point at them. No key belongs in git (certs/ is ignored).
set -eu

dir=${1:-$(dirname "$0")/certs}
mkdir -p "$dir"

# openssl prints key-generation progress on stderr; keep it for errors, drop it otherwise.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 365 \
  -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" \
  -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1" \
  -addext "extendedKeyUsage=serverAuth" 2>"$log" || {
  cat "$log" >&2
  exit 1
}

# Readable by everyone: nginx in the container runs as an unprivileged user (uid 101) that
# does not own the host's files. Acceptable for a throw-away development key only.
chmod 644 "$dir/privkey.pem" "$dir/fullchain.pem"
echo "Development certificate written to $dir (fullchain.pem, privkey.pem)"
