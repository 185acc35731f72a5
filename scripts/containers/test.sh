#!/usr/bin/env bash
# npm run test:containers: the real docker-compose.yml, run with podman on this machine
# (../shared/design/CONTAINERS.md). Builds the stand-in base images and every service image,
# and the nginx image with the built web app, starts the whole system under its own project name
# and high host ports, waits for every container to be healthy, loads the web app and drives a
# booking end to end through nginx over TLS (including an inventory crash), then takes it all down
# with its volumes. Prints how long each phase took.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CONTAINERS_CONF="$PWD/infra/containers/containers.conf"
command -v podman-compose >/dev/null \
  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman podman-compose runc >/dev/null; }

phase_start=$SECONDS
phase() { echo "containers: $1 took $((SECONDS - phase_start)) s"; phase_start=$SECONDS; }

# 1. stand-in base images (cached), and the variables that point compose at them.
while IFS='=' read -r key value; do export "$key=$value"; done < <(bash scripts/containers/stand-ins.sh)
phase "stand-in base images"

# 2. one image per service, from the host's npm cache (containers cannot reach the registry over TLS).
npm ci --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null # fills the cache from the lockfile
export GARAGE_IMAGE_PREFIX=localhost/garage GARAGE_VERSION=2.0.0
for service in gateway auth catalog bookings inventory; do
  podman build -q --pull=never --format docker -v "$(npm config get cache)":/root/.npm \
    --build-arg SERVICE="$service" --build-arg NODE_IMAGE="$NODE_IMAGE" --build-arg NPM_CI_FLAGS=--offline \
    -t "$GARAGE_IMAGE_PREFIX/$service:$GARAGE_VERSION" . >/dev/null
  echo "containers: image $service $(podman image inspect --format '{{.Size}}' "$GARAGE_IMAGE_PREFIX/$service:$GARAGE_VERSION" | numfmt --to=si)B"
done
# nginx with the built web app (vite build inside the image, from the same npm cache).
podman build -q --pull=never --format docker -v "$(npm config get cache)":/root/.npm -f infra/nginx/Dockerfile \
  --build-arg NODE_IMAGE="$NODE_IMAGE" --build-arg NGINX_IMAGE="$NGINX_IMAGE" --build-arg NPM_CI_FLAGS=--offline \
  -t "$GARAGE_IMAGE_PREFIX/web:$GARAGE_VERSION" . >/dev/null
echo "containers: image web $(podman image inspect --format '{{.Size}}' "$GARAGE_IMAGE_PREFIX/web:$GARAGE_VERSION" | numfmt --to=si)B"
phase "service images"

# 3. the system, with secrets of this run only.
PROJECT="garage-ct-$$"
WORK="$(mktemp -d)"
secret() { openssl rand -hex 24; }
export SECRET_KEY="$(secret)" POSTGRES_PASSWORD="$(secret)" REDIS_PASSWORD="$(secret)"
for name in AUTH CATALOG BOOKINGS INVENTORY; do export "${name}_DB_PASSWORD=$(secret)"; done
# nats-server parses $VARIABLE values: one starting with a digit would be read as a number.
for name in GATEWAY AUTH CATALOG BOOKINGS INVENTORY; do export "NATS_${name}_PASSWORD=p$(secret)"; done
export HTTP_PORT="${CT_HTTP_PORT:-18080}" HTTPS_PORT="${CT_HTTPS_PORT:-18443}"
export PUBLIC_ORIGIN="https://localhost:$HTTPS_PORT" TLS_CERT_DIR="$WORK/certs"
export EDGE_SUBNET="172.29.$((200 + RANDOM % 50)).0/24"
sh infra/nginx/make-dev-cert.sh "$TLS_CERT_DIR" >/dev/null
compose() { podman-compose -p "$PROJECT" -f docker-compose.yml "$@"; }
cleanup() {
  status=$?
  if [ "$status" != 0 ]; then
    echo "containers: failed; last logs:" >&2
    for c in $(podman ps -a --filter "label=io.podman.compose.project=$PROJECT" --format '{{.Names}}'); do
      echo "--- $c" >&2; podman logs --tail 15 "$c" >&2 2>&1 || true
    done
  fi
  compose down -v >/dev/null 2>&1 || true
  podman volume ls -q --filter "label=io.podman.compose.project=$PROJECT" | xargs -r podman volume rm -f >/dev/null 2>&1 || true
  rm -rf "$WORK"
  phase "down"
  exit "$status"
}
trap cleanup EXIT
# Debian's podman-compose (1.0.3) does not know `profiles:` and would start every service: name
# those without a profile, so the monitoring profile stays off as it does under Docker Compose.
DEFAULT_SERVICES="$(node -e '
  const c = require("yaml").parse(require("fs").readFileSync("docker-compose.yml", "utf8"), { merge: true });
  console.log(Object.keys(c.services).filter((name) => !c.services[name].profiles).join(" "));
')"
# shellcheck disable=SC2086 # one word per service
compose up -d $DEFAULT_SERVICES >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log" >&2; exit 1; }

# 4. podman-compose does not wait for `condition: service_healthy`, so wait here for every container.
deadline=$((SECONDS + 300))
while :; do
  states="$(podman ps -a --filter "label=io.podman.compose.project=$PROJECT" --format '{{.Names}}|{{.Status}}')"
  waiting="$(echo "$states" | grep -v -e '(healthy)' -e '-migrate.*Exited (0)' || true)"
  [ -z "$waiting" ] && break
  # podman runs healthchecks from systemd timers; without systemd, run each one ourselves.
  for name in $(echo "$waiting" | grep -e '^[^|]*|Up' | cut -d'|' -f1); do
    podman healthcheck run "$name" >/dev/null 2>&1 || true
  done
  if echo "$waiting" | grep -q -e 'Exited ([1-9]' -e 'migrate.*Exited (1'; then echo "$waiting" >&2; fi
  if [ $SECONDS -gt $deadline ]; then echo "containers: not healthy in time:" >&2; echo "$waiting" >&2; exit 1; fi
  sleep 2
done
phase "compose up until every container is healthy"

# 5. the first admin (production mode: no demo accounts), then the journey through nginx over TLS.
# podman-compose names containers <project>_<service>_<n>.
container() { podman ps --filter "label=io.podman.compose.project=$PROJECT" --format '{{.Names}}' | grep -m1 "^${PROJECT}_$1_[0-9]*$"; }
ADMIN_PASSWORD="Ops-$(secret | cut -c1-12)-A1"
printf '%s\n' "$ADMIN_PASSWORD" | podman exec -i "$(container auth)" node services/auth/dist/cli.js create-admin --username ops >/dev/null
GARAGE_BASE_URL="https://localhost:$HTTPS_PORT" GARAGE_HTTP_URL="http://localhost:$HTTP_PORT" \
  GARAGE_ADMIN_USERNAME=ops GARAGE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  GARAGE_INVENTORY_CONTAINER="$(container inventory)" NODE_EXTRA_CA_CERTS="$TLS_CERT_DIR/fullchain.pem" \
  npx jest --runInBand --testMatch '**/test/containers/*.containers.ts' --testTimeout 180000
phase "booking journey through nginx"
