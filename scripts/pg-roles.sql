-- A staff member's own database role on a shared registry (issue 15): everyone connects as
-- themselves, so the history names the database account of every change beside the display name.
-- Run it as the server's superuser or the registry's owner with CREATEDB/CREATEROLE, in the
-- registry's database, once per person:
--
--   psql "postgres://postgres@db.svaz.cz/registr" -v staff=jana -v password='…' -f scripts/pg-roles.sql
--
-- The role may read and write the data but not change the structure (only the owner migrates:
-- `twinreg init`). It is safe to run again (an existing role keeps its password).
\set ON_ERROR_STOP on

select format('create role %I login password %L', :'staff', :'password')
  where not exists (select 1 from pg_roles where rolname = :'staff') \gexec

select format('grant connect on database %I to %I', current_database(), :'staff') \gexec
select format('grant usage on schema public to %I', :'staff') \gexec
select format('grant select, insert, update, delete on all tables in schema public to %I', :'staff') \gexec
select format('grant usage, select, update on all sequences in schema public to %I', :'staff') \gexec

-- Tables and sequences a later version of the app adds (made by the owner) are granted too.
select format(
    'alter default privileges for role %I in schema public grant select, insert, update, delete on tables to %I',
    tableowner, :'staff')
  from pg_tables where schemaname = 'public' and tablename = 'meta' \gexec
select format(
    'alter default privileges for role %I in schema public grant usage, select, update on sequences to %I',
    tableowner, :'staff')
  from pg_tables where schemaname = 'public' and tablename = 'meta' \gexec
