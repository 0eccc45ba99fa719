#!/usr/bin/env bash
# Makes sure a PostgreSQL server runs on 127.0.0.1:5432 with role zhihang/zhihang and the databases zhihang and
# zhihang_test. Installs PostgreSQL from the distribution's packages when it is missing (needs root).
set -euo pipefail
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then
  echo "pg-setup: installing PostgreSQL"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    version=$(ls /etc/postgresql | sort -V | tail -n1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  pg_isready -h 127.0.0.1 -p 5432
fi
as_postgres psql -q -v ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'zhihang') THEN
    CREATE ROLE zhihang LOGIN PASSWORD 'zhihang';
  END IF;
END $$;
SELECT 'CREATE DATABASE zhihang OWNER zhihang' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'zhihang')\gexec
SELECT 'CREATE DATABASE zhihang_test OWNER zhihang' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'zhihang_test')\gexec
SQL
echo "pg-setup: PostgreSQL ready (role zhihang, databases zhihang and zhihang_test)"
