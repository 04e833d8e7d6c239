"""PostgreSQL: pg_dump's custom format out, psql in one transaction back.

The dump is taken in a snapshot exported from a read-only transaction, and the rows of each
table are counted in that same snapshot, so the manifest describes exactly what was dumped
even while the site keeps writing.

The restore runs as one psql transaction: (with --replace) drop what the database holds, load
the dump, then count every table against the manifest; any error or wrong count rolls all of
it back. The audit trail's append-only trigger (organisation migration 0004) refuses UPDATE
and DELETE, and nothing here does either: old tables are dropped, which the trigger does not
guard, and the dump loads the table's rows before it creates the trigger, so the restored
database is append-only again as soon as it is committed.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper

from readyroom.backup import BackupError

CLIENT_MISSING = (
    "{program} was not found: install the PostgreSQL client tools, of the server's version or "
    "newer (on Debian: apt-get install postgresql-client)."
)
FAILED = "{program} failed: {error}"

# Everything a migration can leave in the schema, listed for --replace. Tables first: their
# CASCADE takes the views, identity sequences and triggers that hang on them.
OBJECTS_TO_DROP = """
SELECT format('DROP TABLE IF EXISTS %I.%I CASCADE;', schemaname, tablename)
  FROM pg_tables WHERE schemaname = current_schema()
UNION ALL
SELECT format('DROP VIEW IF EXISTS %I.%I CASCADE;', schemaname, viewname)
  FROM pg_views WHERE schemaname = current_schema()
UNION ALL
SELECT format('DROP MATERIALIZED VIEW IF EXISTS %I.%I CASCADE;', schemaname, matviewname)
  FROM pg_matviews WHERE schemaname = current_schema()
UNION ALL
SELECT format('DROP SEQUENCE IF EXISTS %I.%I CASCADE;', schemaname, sequencename)
  FROM pg_sequences WHERE schemaname = current_schema()
UNION ALL
SELECT format('DROP FUNCTION IF EXISTS %s CASCADE;', p.oid::regprocedure)
  FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace AND p.prokind = 'f'
"""

# Run after the dump is loaded, in the same transaction: a table whose count differs from
# the manifest aborts the restore.
VERIFY = """
DO $verify$
DECLARE
    expected jsonb := {expected};
    table_name text;
    found bigint;
BEGIN
    FOR table_name IN SELECT jsonb_object_keys(expected) LOOP
        EXECUTE format('SELECT count(*) FROM %I.%I', {schema}, table_name) INTO found;
        IF found <> (expected ->> table_name)::bigint THEN
            RAISE EXCEPTION 'restore check: % holds % rows, the manifest says %',
                table_name, found, expected ->> table_name;
        END IF;
    END LOOP;
END
$verify$;
"""


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(CLIENT_MISSING.format(program=name))
    return path


def _client_env(connection: BaseDatabaseWrapper) -> dict[str, str]:
    """The libpq environment for pg_dump and psql: the password never goes on a command line."""
    params = connection.settings_dict
    options = params.get("OPTIONS", {})
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    for variable, value in (
        ("PGDATABASE", params["NAME"]),
        ("PGHOST", params.get("HOST")),
        ("PGPORT", params.get("PORT")),
        ("PGUSER", params.get("USER")),
        ("PGPASSWORD", params.get("PASSWORD")),
        ("PGSSLMODE", options.get("sslmode")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _run(command: list[str], *, env: dict[str, str], **kwargs) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        error = result.stderr.strip() or f"exit status {result.returncode}"
        raise BackupError(FAILED.format(program=Path(command[0]).name, error=error))


def dump(connection: BaseDatabaseWrapper, target: Path) -> tuple[dict[str, int], str]:
    """Write the database to `target` (custom format). Returns the rows per table, counted in
    the dump's snapshot, and the schema the tables are in."""
    pg_dump = _program("pg_dump")
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        with raw.cursor() as cursor:
            # The exporting transaction stays open until pg_dump has finished with it.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot(), current_schema()")
            snapshot, schema = cursor.fetchone()
            _run(
                [
                    pg_dump,
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={target}",
                ],
                env=_client_env(connection),
            )
            cursor.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY tablename",
                [schema],
            )
            rows = {}
            for (table,) in cursor.fetchall():
                quoted = connection.ops.quote_name(table)
                cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(schema)}.{quoted}")
                rows[table] = cursor.fetchone()[0]
        raw.rollback()
    finally:
        raw.close()
    return rows, schema


def restore(
    connection: BaseDatabaseWrapper,
    source: Path,
    *,
    rows: dict[str, int],
    schema: str,
    replace: bool,
    workdir: Path,
) -> None:
    """Load the dump at `source` in one transaction, dropping what is there first when
    `replace`, and check every table's count against `rows` before committing."""
    pg_restore, psql = _program("pg_restore"), _program("psql")
    env = _client_env(connection)
    prelude = workdir / "prelude.sql"
    drops = []
    if replace:
        with connection.cursor() as cursor:
            cursor.execute(OBJECTS_TO_DROP)
            drops = [statement for (statement,) in cursor.fetchall()]
        connection.close()  # psql's DROPs would wait on this session's locks
    prelude.write_text("\n".join(drops) + "\n", encoding="utf-8")
    verify = workdir / "verify.sql"
    verify.write_text(
        VERIFY.format(expected=_literal(json.dumps(rows)) + "::jsonb", schema=_literal(schema)),
        encoding="utf-8",
    )
    with subprocess.Popen(
        [pg_restore, "--no-owner", "--no-privileges", "--file=-", str(source)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as script:
        psql_command = [
            psql,
            "--no-psqlrc",
            "--quiet",
            "--set=ON_ERROR_STOP=1",
            "--single-transaction",
            f"--file={prelude}",
            "--file=-",
            f"--file={verify}",
        ]
        try:
            _run(psql_command, env=env, stdin=script.stdout)
        finally:
            script.stdout.close()
            script_error = script.stderr.read().decode(errors="replace").strip()
            script.wait()
    if script.returncode != 0:
        raise BackupError(FAILED.format(program="pg_restore", error=script_error))
