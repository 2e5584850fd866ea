#!/usr/bin/env bash
# Restores a backup made by backup.sh into a new, empty database: creates the schema as the
# application does (Flyway migrations up to the backup's version, the process engine's tables), loads
# every table, sets the sequences and compares every table with the manifest's row count and checksum.
# All or nothing: on any difference nothing is committed. Then start the application on that database.
#
#   infra/backup/restore.sh [--url JDBC-URL] [--user USER] DIRECTORY
#
# URL and user default to BUDDY_DB_URL and BUDDY_DB_USER; the password comes from BUDDY_DB_PASSWORD only.
# The user needs to set session_replication_role (a superuser, or GRANT SET ON PARAMETER on PostgreSQL 15+).
set -euo pipefail
. "$(dirname "$0")/tool.sh"
run_backup_tool restore "$@"
