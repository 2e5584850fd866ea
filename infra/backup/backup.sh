#!/usr/bin/env bash
# Dumps the Steunpunt Buddy database into a new directory: one consistent snapshot of every table
# (binary COPY), every sequence and a manifest.json (schema versions, row counts, sizes, SHA-256).
# The application may keep running meanwhile.
#
#   infra/backup/backup.sh [--url JDBC-URL] [--user USER] DIRECTORY
#
# URL and user default to BUDDY_DB_URL and BUDDY_DB_USER; the password comes from BUDDY_DB_PASSWORD only.
# See tool.sh for where the Java classes come from, and README "Backup and restore".
set -euo pipefail
. "$(dirname "$0")/tool.sh"
run_backup_tool backup "$@"
