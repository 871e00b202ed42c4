import type Database from "better-sqlite3";
import { nextTurn, timeStep, type StepTimes } from "./backgroundSteps";

/**
 * How long the store must go without a write before maintenance runs, in ms. A streamed answer
 * is flushed about once a second, so maintenance waits until an answer is done; it then runs a
 * second or two after the last write, well before the OS would flush the WAL on its own.
 */
export const IDLE_MS = 1_000;
/**
 * Index pages one merge step writes: a few milliseconds of decrypting and encrypting pages on
 * the encrypted store, so the thread stays responsive between steps.
 */
export const MERGE_STEP_PAGES = 64;
/**
 * The bound on the write-ahead log while maintenance runs, in pages (16 MiB): past it, the commit
 * that crosses it checkpoints itself as SQLite does by default at 1,000 pages. Only a burst of
 * writes with no idle second in between gets there (~250 appends).
 */
export const WAL_BOUND_PAGES = 4_000;
/** SQLite's own `wal_autocheckpoint`, restored when maintenance stops. */
const SQLITE_DEFAULT_CHECKPOINT_PAGES = 1_000;

export interface MaintenancePass extends StepTimes {
  /** False if a write came in (the pass yields to it and runs again at the next idle moment) or the store closed. */
  completed: boolean;
  /** Merge steps that merged something (FTS5 'merge', MERGE_STEP_PAGES pages each at most). */
  mergeSteps: number;
  /** Pages in the write-ahead log when it was checkpointed, and how many of them went to the database file. */
  walFrames: number;
  checkpointedFrames: number;
  /** The log, all of it checkpointed, was started over by a one-page write (see `restartLog`). */
  logRestarted: boolean;
}

export interface StoreMaintenanceOptions {
  /** Default IDLE_MS. */
  idleMs?: number;
  /** Called after each pass that the idle timer started. Default: none. */
  onPass?: (pass: MaintenancePass) => void;
  /** Called when a pass fails (the next idle moment tries again). Default: none. */
  onError?: (error: unknown) => void;
}

/**
 * Takes the two costly chores of a write out of the user's commits and does them when the app is
 * idle (issue #14: append p95 < 1 ms on the encrypted store):
 *
 * - merging the message index's small segments (each commit writes one; migration 010 turned
 *   FTS5's in-commit `automerge` off), with FTS5's 'merge' command in steps of MERGE_STEP_PAGES;
 * - checkpointing the write-ahead log (copying its pages into the database file, decrypting and
 *   re-encrypting each), which SQLite otherwise runs inside the commit that makes the log reach
 *   1,000 pages, and the sync of the restarted log's header that the next commit would pay. A
 *   PASSIVE checkpoint here; WAL_BOUND_PAGES stays as the in-commit bound.
 *
 * Neither changes what a commit guarantees: each append is in the log and found by search when it
 * returns, and survives a crash as before (WAL, synchronous=NORMAL). The log is synced to disk by
 * the checkpoint, now a second or two after the last write instead of every ~60 appends.
 *
 * One step per turn of the event loop (`setImmediate`); a write between two steps ends the pass
 * (the next idle moment resumes it: FTS5 keeps a merge's progress in the index). `stop` (called by
 * `Store.close`) ends it before the next step and restores SQLite's checkpoint interval.
 */
export class StoreMaintenance {
  private readonly timer: NodeJS.Timeout;
  private readonly changesStmt;
  private readonly mergeStmt;
  /** total_changes() when last looked at: a different value means this connection wrote since. */
  private seenChanges: number;
  /** Writes happened that no completed pass has merged and checkpointed yet (true at open: a previous run may have left some). */
  private pending = true;
  private running = false;
  private stopped = false;

  constructor(
    private readonly db: Database.Database,
    private readonly options: StoreMaintenanceOptions = {},
  ) {
    this.changesStmt = db.prepare("SELECT total_changes()").pluck();
    this.mergeStmt = db.prepare(`INSERT INTO messages_fts(messages_fts, rank) VALUES ('merge', ${MERGE_STEP_PAGES})`);
    this.seenChanges = this.changes();
    db.pragma(`wal_autocheckpoint = ${WAL_BOUND_PAGES}`);
    this.timer = setInterval(() => this.tick(), options.idleMs ?? IDLE_MS);
    this.timer.unref(); // never keeps a process alive on its own
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_CHECKPOINT_PAGES}`);
  }

  /**
   * Merges the index and checkpoints the log now, in steps (the idle timer calls it; benches and
   * tests may too). Resolves when done, when a write interrupts it, or when the store closes.
   */
  async runPass(): Promise<MaintenancePass> {
    this.running = true;
    const pass: MaintenancePass = {
      completed: false,
      mergeSteps: 0,
      walFrames: 0,
      checkpointedFrames: 0,
      logRestarted: false,
      cpuMs: 0,
      longestStepMs: 0,
      longestStepCpuMs: 0,
    };
    try {
      let merging = true;
      while (merging) {
        if (!(await this.nextStepAllowed())) return pass;
        merging = timeStep(pass, () => this.mergeStep());
        if (merging) pass.mergeSteps++;
      }
      if (!(await this.nextStepAllowed())) return pass;
      timeStep(pass, () => {
        const [result] = this.db.pragma("wal_checkpoint(PASSIVE)") as { log: number; checkpointed: number }[];
        pass.walFrames = Math.max(0, result?.log ?? 0);
        pass.checkpointedFrames = Math.max(0, result?.checkpointed ?? 0);
      });
      if (pass.walFrames > 0 && pass.checkpointedFrames === pass.walFrames) {
        if (!(await this.nextStepAllowed())) return pass;
        timeStep(pass, () => this.restartLog());
        pass.logRestarted = true;
      }
      this.pending = false;
      pass.completed = true;
      return pass;
    } finally {
      // Interrupted by a write: the next tick sees it and waits a full idle interval again.
      if (pass.completed) this.seenChanges = this.changes();
      this.running = false;
    }
  }

  /** Every IDLE_MS: a pass once a full interval went by without a write, if there were writes. */
  private tick(): void {
    if (this.running || this.stopped) return;
    if (!this.db.open) return this.stop();
    const now = this.changes();
    if (now !== this.seenChanges) {
      this.seenChanges = now;
      this.pending = true;
      return;
    }
    if (!this.pending) return;
    this.runPass().then(
      (pass) => this.options.onPass?.(pass),
      (error: unknown) => this.options.onError?.(error),
    );
  }

  /** Waits a turn of the event loop; false if the store closed or someone wrote meanwhile. */
  private async nextStepAllowed(): Promise<boolean> {
    const before = this.changes();
    await nextTurn();
    if (this.stopped || !this.db.open) return false;
    return this.changes() === before;
  }

  /** One bounded merge; true if it merged something (FTS5 counts 2+ changes then, 1 for a no-op). */
  private mergeStep(): boolean {
    const before = this.changes();
    this.mergeStmt.run();
    return this.changes() - before >= 2;
  }

  /**
   * The first commit after a complete checkpoint starts the log over from its beginning, and
   * SQLite syncs the log's new header to disk before that commit's pages (even at
   * synchronous=NORMAL: an out-of-order write after a restart could corrupt the file). That sync
   * took 3-5 ms of waiting in the user's next append; a one-page write here pays it instead: the
   * database header's application id (unused by Tandem, always 0) written with its own value.
   */
  private restartLog(): void {
    const id = this.db.pragma("application_id", { simple: true }) as number;
    this.db.pragma(`application_id = ${id}`);
  }

  private changes(): number {
    return this.changesStmt.get() as number;
  }
}
