import type Database from "better-sqlite3-multiple-ciphers";
import { closeSync, openSync, readSync, statSync } from "node:fs";

/** A raw 256-bit key: SQLite uses it as is, so opening costs no key derivation. */
export const DB_KEY_BYTES = 32;

const PLAINTEXT_HEADER = Buffer.from("SQLite format 3\0", "latin1");

/**
 * Selects SQLCipher v4's format (AES-256-CBC, HMAC-SHA512 per page) and applies `key` as a raw
 * key. Must run before any other statement: SQLite reads the first page lazily, with this key.
 * SQLCipher's format (not the library's default) so standard tools can open a file with the key.
 */
export function applyKey(db: Database.Database, key: Buffer): void {
  checkKey(key);
  db.pragma("cipher = 'sqlcipher'");
  db.pragma("legacy = 4");
  db.pragma(`key = "x'${key.toString("hex")}'"`);
}

/** Like `applyKey`, but encrypts the open plaintext database (it must not be in WAL mode). */
export function encryptWithKey(db: Database.Database, key: Buffer): void {
  checkKey(key);
  db.pragma("cipher = 'sqlcipher'");
  db.pragma("legacy = 4");
  db.pragma(`rekey = "x'${key.toString("hex")}'"`);
}

/** Whether the file at `path` exists and starts with SQLite's plaintext header. */
export function isPlaintextDatabase(path: string): boolean {
  const head = readHead(path, PLAINTEXT_HEADER.length);
  return head !== null && head.equals(PLAINTEXT_HEADER);
}

/** Whether the file exists with content that is not a plaintext SQLite database (i.e. encrypted). */
export function isEncryptedDatabase(path: string): boolean {
  const head = readHead(path, PLAINTEXT_HEADER.length);
  return head !== null && head.length > 0 && !head.equals(PLAINTEXT_HEADER);
}

function readHead(path: string, length: number): Buffer | null {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return null;
  }
  const buffer = Buffer.alloc(Math.min(size, length));
  const fd = openSync(path, "r");
  try {
    readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

function checkKey(key: Buffer): void {
  // A wrong-sized key would silently be treated as a passphrase; refuse it instead.
  if (!Buffer.isBuffer(key) || key.length !== DB_KEY_BYTES)
    throw new TypeError(`The database key must be ${DB_KEY_BYTES} bytes.`);
}
