import Database from "better-sqlite3-multiple-ciphers";
import { copyFileSync, existsSync, rmSync, statSync, renameSync } from "node:fs";
import { silentLogger, type Logger } from "../logging/Logger";
import { applyKey, encryptWithKey } from "./cipher";

export type EncryptStep = "copied" | "encrypted" | "verified" | "swapped";

export interface EncryptInPlaceOptions {
  logger?: Logger;
  /** Called after each step; tests throw here to simulate a crash between steps. */
  afterStep?: (step: EncryptStep) => void;
}

/**
 * Turns the plaintext database at `path` into an encrypted one without risking it: the original
 * stays untouched until an encrypted copy has been made, reopened with the key, checked
 * (`integrity_check`, the same row count in every table) and atomically renamed over it. An
 * interruption before the rename leaves the original as it was (the half-made copy is removed
 * on the next try); after it, the file is the verified encrypted one.
 */
export function encryptInPlace(path: string, key: Buffer, options: EncryptInPlaceOptions = {}): void {
  const logger = (options.logger ?? silentLogger).child("encrypt");
  const step = options.afterStep ?? (() => {});
  const temp = `${path}.encrypting`;
  removeFiles(temp);
  const started = Date.now();
  const counts = checkpointAndCount(path);
  copyFileSync(path, temp);
  step("copied");
  encryptCopy(temp, key);
  step("encrypted");
  verifyCopy(temp, key, counts);
  step("verified");
  renameSync(temp, path);
  step("swapped");
  logger.info("data file encrypted", { tables: counts.size, ms: Date.now() - started });
}

/** Folds the WAL into the main file (so the copy is complete) and counts every table's rows. */
function checkpointAndCount(path: string): Map<string, number> {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma("wal_checkpoint(TRUNCATE)");
    return countRows(db);
  } finally {
    db.close();
  }
  // Closing the last connection removes the (now empty) -wal and -shm files.
}

function encryptCopy(temp: string, key: Buffer): void {
  const db = new Database(temp, { fileMustExist: true });
  try {
    // Rekeying rewrites every page, which SQLite3MultipleCiphers cannot do in WAL mode.
    db.pragma("journal_mode = DELETE");
    encryptWithKey(db, key);
  } finally {
    db.close();
  }
}

function verifyCopy(temp: string, key: Buffer, expected: Map<string, number>): void {
  const db = new Database(temp, { fileMustExist: true });
  try {
    applyKey(db, key);
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`the encrypted copy failed integrity_check: ${String(integrity)}`);
    const actual = countRows(db);
    for (const [table, count] of expected) {
      if (actual.get(table) !== count)
        throw new Error(`the encrypted copy has ${actual.get(table)} rows in ${table}, expected ${count}`);
    }
  } finally {
    db.close();
  }
}

function countRows(db: Database.Database): Map<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return new Map(
    tables.map((table) => [
      table,
      db
        .prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

function removeFiles(temp: string): void {
  for (const file of [temp, `${temp}-journal`]) {
    if (existsSync(file) && statSync(file).isFile()) rmSync(file, { force: true });
  }
}
