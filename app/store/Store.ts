import Database from "better-sqlite3-multiple-ciphers";
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { TandemError } from "../contract/errors";
import { applyKey, isPlaintextDatabase } from "./cipher";
import { encryptInPlace } from "./encryptInPlace";
import { silentLogger, type Logger } from "../logging/Logger";
import { ConversationRepo } from "./ConversationRepo";
import { MessageRepo } from "./MessageRepo";
import { MIGRATIONS } from "./migrations";
import type { Migration } from "./migrations/Migration";
import { ModelRepo } from "./ModelRepo";
import { runMigrations } from "./runMigrations";
import { SearchWarmUp } from "./SearchWarmUp";
import { SettingsRepo } from "./SettingsRepo";
import { StoreMaintenance, type StoreMaintenanceOptions } from "./StoreMaintenance";
import { StageRepo } from "./StageRepo";

export interface StoreOptions {
  /** Where to log opening and migrations (ids, versions, timings — never content). Default: silent. */
  logger?: Logger;
  /** The schema migrations to apply. Default: every migration the app ships (tests may pass others). */
  migrations?: readonly Migration[];
  /**
   * The 256-bit key (see DatabaseKeyStore) that encrypts the file (SQLCipher format). A plaintext
   * file is encrypted in place on the first keyed open. Without a key the file stays plaintext
   * (tests, benches); an encrypted file then fails to open with `db_locked`.
   */
  key?: Buffer;
}

/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
/**
 * Page cache per connection, in KiB (negative = KiB in SQLite). SQLite's default is 2 MiB; a
 * larger cache keeps the FTS index's hot pages in memory so searches stay fast on big histories.
 * Measured on the encrypted store at 1M messages (docs/BENCHMARKS.md, "Store search, encrypted"):
 * 8 MiB made loading a conversation 4x slower; 64 and 128 MiB made no search faster (warm
 * searches already fit, cold ones decrypt their pages whatever the size) and cost RSS.
 */
const CACHE_KIB = 32 * 1024;
/** SQLite pages are 512 B–64 KiB, powers of two: a database file's size is a multiple of 512. */
const MIN_PAGE_SIZE = 512;

/**
 * The app's SQLite database: one file per user, opened once per process. Repos are properties;
 * `db` is exposed so other core modules (e.g. the privacy vault) can prepare their own statements
 * on the same connection and share its transactions.
 */
export class Store {
  readonly conversations: ConversationRepo;
  readonly messages: MessageRepo;
  readonly models: ModelRepo;
  readonly settings: SettingsRepo;
  readonly stages: StageRepo;
  private warmUp: SearchWarmUp | null = null;
  private maintenance: StoreMaintenance | null = null;

  private constructor(readonly db: Database.Database) {
    this.conversations = new ConversationRepo(db);
    this.messages = new MessageRepo(db);
    this.models = new ModelRepo(db);
    this.settings = new SettingsRepo(db);
    this.stages = new StageRepo(db);
  }

  /** Opens (creating it and its directory if needed) and migrates the database at `filePath`. */
  static open(filePath: string, options: StoreOptions = {}): Store {
    return Store.connect(filePath, options);
  }

  /** A private in-memory database with the full schema, for tests. Never encrypted: nothing reaches disk. */
  static openInMemory(options: StoreOptions = {}): Store {
    return Store.connect(":memory:", { ...options, key: undefined });
  }

  private static connect(filePath: string, options: StoreOptions): Store {
    const logger = (options.logger ?? silentLogger).child("store");
    let db: Database.Database | undefined;
    try {
      if (filePath !== ":memory:") mkdirSync(dirname(filePath), { recursive: true });
      if (options.key && isPlaintextDatabase(filePath)) encryptInPlace(filePath, options.key, { logger });
      db = new Database(filePath);
      if (options.key) applyKey(db, options.key);
      checkUnlocked(db, filePath, options.key !== undefined);
      configure(db);
      const result = runMigrations(db, options.migrations ?? MIGRATIONS, logger);
      logger.info("store opened", { schemaVersion: result.to, migratedFrom: result.from, inMemory: db.memory });
      return new Store(db);
    } catch (error) {
      db?.close();
      throw asOpenError(filePath, error);
    }
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  /**
   * Starts reading, in the background, what the first searches would read cold (see
   * SearchWarmUp); hosts call it once after opening. Started once: later calls return the same.
   */
  warmUpSearch(): SearchWarmUp {
    this.warmUp ??= new SearchWarmUp(this.db, (query) => this.conversations.search(query));
    return this.warmUp;
  }

  /**
   * Merges the search index and checkpoints the write-ahead log when the app is idle, instead of
   * inside the commits of appends (see StoreMaintenance); hosts call it once after opening.
   * Started once: later calls return the same (their options are ignored).
   */
  maintainInBackground(options: StoreMaintenanceOptions = {}): StoreMaintenance {
    this.maintenance ??= new StoreMaintenance(this.db, options);
    return this.maintenance;
  }

  /** Closes the connection (checkpointing the WAL), stopping a warm-up and background maintenance. Safe to call twice. */
  close(): void {
    this.warmUp?.stop();
    this.maintenance?.stop();
    if (!this.db.open) return;
    try {
      // SQLite's advice for long-lived connections: refresh planner statistics where stale.
      this.db.pragma("optimize");
    } finally {
      this.db.close();
    }
  }
}

function configure(db: Database.Database): void {
  db.pragma("journal_mode = WAL");
  // NORMAL is durable in WAL mode except for the last commits before a power loss; it spares an
  // fsync per commit, which is what keeps a single append under a millisecond.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma(`cache_size = -${CACHE_KIB}`);
}

/** The first read of an encrypted file fails with SQLITE_NOTADB when the key is missing or wrong. */
function checkUnlocked(db: Database.Database, filePath: string, keyed: boolean): void {
  try {
    db.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (error) {
    // An encrypted file is whole pages of noise; anything else is damaged (asOpenError says so).
    if ((error as { code?: unknown }).code !== "SQLITE_NOTADB" || !looksLikePages(filePath)) throw error;
    const recovery =
      'Set TANDEM_RECOVERY_PASSPHRASE to the recovery passphrase you set earlier, or import your latest encrypted export into a new data folder (docs/SECURITY.md, "Encryption at rest").';
    const message = keyed
      ? `The key does not open the encrypted data file ${filePath} (keychain entry replaced, or a different TANDEM_PASSPHRASE?). ${recovery}`
      : `The data file ${filePath} is encrypted and the key is missing (keychain entry lost?). Use your recovery passphrase: ${recovery}`;
    throw new TandemError("db_locked", message, { cause: error });
  }
}

function looksLikePages(filePath: string): boolean {
  const size = statSync(filePath, { throwIfNoEntry: false })?.size ?? 0;
  return size >= MIN_PAGE_SIZE && size % MIN_PAGE_SIZE === 0;
}

/** SQLite and file-system failures become an actionable TandemError; bugs pass through as they are. */
function asOpenError(filePath: string, error: unknown): unknown {
  if (error instanceof TandemError) return error;
  const isIoError =
    error instanceof Database.SqliteError || typeof (error as NodeJS.ErrnoException | null)?.code === "string";
  if (!isIoError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new TandemError(
    "internal",
    `Could not open the data file ${filePath}: ${detail}. Check that the folder is writable; if the file is damaged, move it aside and restart Tandem to start with an empty one.`,
    { cause: error },
  );
}
