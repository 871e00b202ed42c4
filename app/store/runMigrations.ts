import type Database from "better-sqlite3";
import { TandemError } from "../contract/errors";
import type { Logger } from "../logging/Logger";
import type { Migration } from "./migrations/Migration";

export interface MigrationResult {
  /** The schema version found in the file before migrating (0 = a new file). */
  from: number;
  /** The schema version after migrating. */
  to: number;
}

/**
 * Brings the file's schema up to the newest migration. Each migration runs in its own
 * transaction together with the `PRAGMA user_version` bump, so a failure leaves the file at the
 * last version that fully applied. A file newer than this app is refused, never downgraded.
 */
export function runMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
  logger: Logger,
): MigrationResult {
  assertOrdered(migrations);
  const from = userVersion(db);
  const known = migrations.at(-1)?.version ?? 0;
  if (from > known) {
    throw new TandemError(
      "internal",
      `The data file ${db.name} was written by a newer version of Tandem (schema version ${from}; this version knows up to ${known}). Update Tandem to open it; the file was left unchanged.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    const started = performance.now();
    applyMigration(db, migration);
    logger.info("migration applied", {
      version: migration.version,
      name: migration.name,
      ms: Math.round(performance.now() - started),
    });
  }
  return { from, to: Math.max(from, known) };
}

function applyMigration(db: Database.Database, migration: Migration): void {
  const foreignKeys = db.pragma("foreign_keys", { simple: true }) as number;
  if (migration.foreignKeysOff) db.pragma("foreign_keys = OFF");
  try {
    db.transaction(() => {
      db.exec(migration.sql);
      if (migration.foreignKeysOff) assertForeignKeys(db, migration);
      db.pragma(`user_version = ${migration.version}`);
    })();
  } finally {
    if (migration.foreignKeysOff) db.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
  }
}

function assertForeignKeys(db: Database.Database, migration: Migration): void {
  const broken = db.pragma("foreign_key_check") as unknown[];
  if (broken.length > 0)
    throw new Error(
      `Bug: migration "${migration.name}" left ${broken.length} broken foreign keys; nothing was changed.`,
    );
}

export function userVersion(db: Database.Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/** Versions must be 1, 2, 3, … — a gap or a duplicate is a bug in the migrations list. */
function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Bug: migration "${migration.name}" has version ${migration.version}; expected ${index + 1}. Versions must be consecutive from 1.`,
      );
    }
  });
}
