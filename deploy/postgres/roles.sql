-- -----------------------------------------------------------------------------------------------------------------
-- Least-privilege roles for the governed MCP registry on a PostgreSQL you administer (RDS, Cloud SQL, Azure Database
-- for PostgreSQL, or any other). Run once, connected to the `postgres` (maintenance) database as an administrator
-- (RDS: the master user; Cloud SQL: a cloudsqlsuperuser member; Azure: the server admin), with psql:
--
--   psql "host=<db host> dbname=postgres user=<admin> sslmode=verify-full sslrootcert=<ca bundle>" \
--        -v owner_password="$(cat owner.pw)" -v runtime_password="$(cat runtime.pw)" \
--        -f deploy/postgres/roles.sql
--
-- It creates:
--   registry          owns the `registry` database and its schema. Only the migration Job logs in as this role
--                     (Secret registry-db-app). It runs Flyway: DDL, and CREATE EXTENSION pg_trgm (a trusted
--                     extension since PostgreSQL 13, so the database owner may create it without superuser).
--   registry_dml      a NOLOGIN group: read and write rows, nothing else (no DDL, no TRUNCATE, no ownership).
--   registry_runtime  the role the registry pods log in as (Secret registry-db-runtime); member of registry_dml.
--
-- Rows are read and written through registry_dml thanks to default privileges: every table and sequence that
-- `registry` creates later (each Flyway migration) is granted to registry_dml automatically.
-- -----------------------------------------------------------------------------------------------------------------
\set ON_ERROR_STOP on

CREATE ROLE registry LOGIN PASSWORD :'owner_password';
CREATE ROLE registry_dml NOLOGIN;
CREATE ROLE registry_runtime LOGIN PASSWORD :'runtime_password' CONNECTION LIMIT 200 IN ROLE registry_dml;

-- RDS and Cloud SQL: the administrator is not a true superuser and must be a member of a role to create objects
-- owned by it (harmless elsewhere):
GRANT registry TO CURRENT_USER;

CREATE DATABASE registry OWNER registry ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE registry FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE registry TO registry_dml;

\connect registry

-- PostgreSQL 15+ already restricts the public schema to its owner (pg_database_owner = registry); older versions
-- let every role create objects there.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO registry_dml;

-- Create the extension now if you prefer an administrator to do it (Azure: first add PG_TRGM to the server
-- parameter azure.extensions). The first migration runs CREATE EXTENSION IF NOT EXISTS, which then does nothing.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER DEFAULT PRIVILEGES FOR ROLE registry IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO registry_dml;
ALTER DEFAULT PRIVILEGES FOR ROLE registry IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO registry_dml;

-- Tables that already exist (running this after a first migration with the owner role):
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO registry_dml;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO registry_dml;
