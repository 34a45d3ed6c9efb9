"""Back up and restore the whole database, chosen from DATABASE_URL.

- SQLite: the online backup API (``sqlite3.Connection.backup``), a consistent page-by-page copy
  even while the site is running; restoring copies the backup over the database file the same
  way.
- PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore`` (found on PATH or under
  /usr/lib/postgresql/*/bin; the newest wins).

Both keep every table as it is: users, groups, second-factor devices, lockout records, the
admin log (the audit trail), revisions and approvals, with timestamps to the microsecond,
which ``dumpdata`` would cut to milliseconds.
"""

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections

# A database holding any of these counts as in use: a restore refuses to overwrite it.
DEFAULT_ALIAS = "default"
IN_USE_TABLES = ("auth_user", "education_page", "education_pagefeedback", "django_admin_log")


class BackupError(Exception):
    """What went wrong, in words for the operator."""


def kind(settings_dict: dict) -> str:
    engine = settings_dict["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def extension(settings_dict: dict) -> str:
    return "sqlite3" if kind(settings_dict) == "sqlite" else "dump"


def _major_version(tool: str) -> int:
    """15 for /usr/lib/postgresql/15/bin/pg_dump."""
    folder = Path(tool).parts[-3]
    return int(folder) if folder.isdigit() else 0


def pg_tool(name: str) -> str:
    """pg_dump or pg_restore: on PATH, else the newest /usr/lib/postgresql/N/bin."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_major_version)
    if not versions:
        raise BackupError(f"{name} is not installed (Debian: apt install postgresql-client).")
    return versions[-1]


def _pg_args(settings_dict: dict) -> tuple[list[str], dict]:
    """Connection options for the PostgreSQL tools; the password goes in the environment."""
    args = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args.append(f"{option}={settings_dict[key]}")
    env = os.environ | (
        {"PGPASSWORD": settings_dict["PASSWORD"]} if settings_dict.get("PASSWORD") else {}
    )
    return args, env


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def backup(path: Path, using: str = "default") -> Path:
    """Write a backup of database ``using`` to ``path`` (its parent folder is made)."""
    connection = connections[using]
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind(connection.settings_dict) == "sqlite":
        name = str(connection.settings_dict["NAME"])
        if "mode=memory" not in name and not Path(name).is_file():
            raise BackupError(f"There is no database at {name} to back up.")
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return path
    args, env = _pg_args(connection.settings_dict)
    name = connection.settings_dict["NAME"]
    _run([pg_tool("pg_dump"), "--format=custom", f"--file={path}", *args, f"--dbname={name}"], env)
    return path


def in_use(settings_dict: dict) -> bool:
    """Whether the database already holds accounts, pages, feedback or an admin log."""
    name = str(settings_dict["NAME"])
    if kind(settings_dict) == "sqlite" and not name.startswith("file:") and not Path(name).exists():
        return False
    wrapper = connections[DEFAULT_ALIAS].__class__(settings_dict, alias="backup-check")
    try:
        with wrapper.cursor() as cursor:
            tables = set(wrapper.introspection.table_names(cursor))
            for table in IN_USE_TABLES:
                if table in tables:
                    cursor.execute(f"SELECT 1 FROM {wrapper.ops.quote_name(table)} LIMIT 1")
                    if cursor.fetchone():
                        return True
        return False
    finally:
        wrapper.close()


def restore(path: Path, settings_dict: dict, force: bool = False) -> None:
    """Replace the database described by ``settings_dict`` with the backup at ``path``."""
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    if not force and in_use(settings_dict):
        raise BackupError("The database already holds accounts or content. Restore into a new, "
                          "empty database, or pass --force (make restore FORCE=1) to replace "
                          "everything in it.")  # fmt: skip
    if kind(settings_dict) == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        name = str(settings_dict["NAME"])
        target = sqlite3.connect(name, uri=name.startswith("file:"))
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        return
    args, env = _pg_args(settings_dict)
    command = [pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
               "--single-transaction", "--exit-on-error", *args,
               f"--dbname={settings_dict['NAME']}", str(path)]  # fmt: skip
    _run(command, env)
