# One image per service: docker build --build-arg SERVICE=bookings -t garage/bookings:2.0.0 .
# (SERVICE: gateway, auth, catalog, bookings or inventory.) Migrations run from the same image:
#   node services/<service>/dist/migrate.js
ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: every workspace's dependencies, then compile the shared library and this service --------
FROM ${NODE_IMAGE} AS build
ARG SERVICE
# Extra flags for npm ci, e.g. --offline where the build installs from a mounted npm cache.
ARG NPM_CI_FLAGS=
WORKDIR /src
COPY package.json package-lock.json tsconfig.base.json ./
COPY libs/shared/package.json libs/shared/
COPY services/gateway/package.json services/gateway/
COPY services/auth/package.json services/auth/
COPY services/catalog/package.json services/catalog/
COPY services/bookings/package.json services/bookings/
COPY services/inventory/package.json services/inventory/
COPY web/package.json web/
RUN test -n "$SERVICE" && test -f "services/$SERVICE/package.json" \
  || { echo "build with --build-arg SERVICE=<gateway|auth|catalog|bookings|inventory>" >&2; exit 1; }
RUN npm ci --ignore-scripts --no-audit --no-fund $NPM_CI_FLAGS
COPY libs/shared libs/shared
COPY services/$SERVICE services/$SERVICE
RUN npx tsc -b "services/$SERVICE"
# Only this service's production dependencies (and the shared library's), nothing of the others.
RUN rm -rf node_modules \
  && npm ci --omit=dev --workspace "services/$SERVICE" --ignore-scripts --no-audit --no-fund $NPM_CI_FLAGS \
  && rm -rf "services/$SERVICE/dist/.tsbuildinfo" libs/shared/dist/.tsbuildinfo \
  && mkdir -p libs/shared/node_modules

# --- runtime: node, the production node_modules and the compiled output; nothing else ----------------
FROM ${NODE_IMAGE}
ARG SERVICE
ENV NODE_ENV=production \
    GARAGE_SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules node_modules
COPY --from=build /src/libs/shared/package.json libs/shared/
COPY --from=build /src/libs/shared/dist libs/shared/dist
# Packages npm nests under the shared library (versions that differ from the root's: OpenTelemetry's API).
COPY --from=build /src/libs/shared/node_modules libs/shared/node_modules
COPY --from=build /src/services/${SERVICE}/package.json services/${SERVICE}/
COPY --from=build /src/services/${SERVICE}/dist services/${SERVICE}/dist
# A user of its own, not root; the code and modules stay owned by root, so the process cannot change them.
RUN groupadd --gid 10001 garage && useradd --uid 10001 --gid garage --no-create-home --shell /usr/sbin/nologin garage
USER 10001:10001
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "libs/shared/dist/service/healthcheck.js"]
# SIGTERM reaches node (it drains and exits); under compose `init: true` adds an init process as PID 1.
CMD ["sh", "-c", "exec node services/$GARAGE_SERVICE/dist/main.js"]
