#!/bin/sh
# One login role per service, each owning only its own schema (ARCHITECTURE.md "Data").
#
# The official postgres image runs this once, as the superuser, when it initialises an empty
# data directory (/docker-entrypoint-initdb.d). On a managed Postgres run it once by hand as an
# administrator, with the same variables:
#   POSTGRES_DB=garage AUTH_DB_PASSWORD=… CATALOG_DB_PASSWORD=… BOOKINGS_DB_PASSWORD=… \
#   INVENTORY_DB_PASSWORD=… PGHOST=… PGUSER=… sh infra/postgres/initdb/10-garage-roles.sh
# It is safe to run again: it creates what is missing and resets passwords and rights.
#
# What each role gets, and why:
# - LOGIN, and nothing else at cluster level: not a superuser, cannot create roles or databases.
# - CONNECT and CREATE on the one database. CREATE because the services' first migrations say
#   CREATE SCHEMA IF NOT EXISTS, which Postgres checks against CREATE before it looks whether the
#   schema exists; a role can make new schemas of its own with it, never reach into another's.
# - Its schema, owned by it; search_path = that schema, then public (where the extensions live).
# - No right on any other schema: nobody grants one, so bookings cannot read auth.users.
# The extensions the migrations use are created here by the superuser, in public.
set -eu

DB="${POSTGRES_DB:-garage}"
PREFIX="${GARAGE_ROLE_PREFIX:-garage_}"
PSQL="psql -v ON_ERROR_STOP=1 -X -q --dbname=$DB"
[ -n "${POSTGRES_USER:-}" ] && PSQL="$PSQL --username=$POSTGRES_USER"

$PSQL -v db="$DB" <<'SQL'
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public;
SQL

for service in auth catalog bookings inventory; do
  variable="$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  if [ -z "$(printenv "$variable" || true)" ]; then
    echo "10-garage-roles.sh: $variable is not set (every service's role needs a password)" >&2
    exit 1
  fi
  # The password travels through the environment (\getenv, psql 15+), never on a command line.
  $PSQL -v db="$DB" -v role="$PREFIX$service" -v schema="$service" -v variable="$variable" <<'SQL'
\getenv password :variable
SELECT format('CREATE ROLE %I LOGIN', :'role')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  PASSWORD :'password';
GRANT CONNECT, CREATE ON DATABASE :"db" TO :"role";
CREATE SCHEMA IF NOT EXISTS :"schema" AUTHORIZATION :"role";
ALTER SCHEMA :"schema" OWNER TO :"role";
ALTER ROLE :"role" IN DATABASE :"db" SET search_path = :"schema", public;
SQL
  echo "10-garage-roles.sh: role $PREFIX$service owns schema $service in $DB"
done
