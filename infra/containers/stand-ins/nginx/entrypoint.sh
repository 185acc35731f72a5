#!/bin/sh
# The official image's entrypoint, in short: *.envsh in /docker-entrypoint.d are sourced, then
# 20-envsubst-on-templates.sh renders the templates (from NGINX_ENVSUBST_TEMPLATE_DIR, default
# /etc/nginx/templates, into NGINX_ENVSUBST_OUTPUT_DIR, default /etc/nginx/conf.d): only variables
# that are set are substituted, so nginx's own $variables survive.
set -e
if [ "$1" = nginx ]; then
  for f in /docker-entrypoint.d/*.envsh; do
    if [ -x "$f" ]; then . "$f"; fi
  done
  out="${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"
  defined="$(printf '${%s} ' $(env | cut -d= -f1))"
  for template in "${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"/*.template; do
    [ -f "$template" ] || continue
    name="$(basename "$template" .template)"
    envsubst "$defined" < "$template" > "$out/$name"
  done
fi
exec "$@"
