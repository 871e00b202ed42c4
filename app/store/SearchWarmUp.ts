import type Database from "better-sqlite3";
import { nextTurn, timeStep, type StepTimes } from "./backgroundSteps";

/**
 * How many of the newest messages the warm-up reads. A search ranks the newest matches of its
 * words, so a common word's candidates are among the last few thousand messages. 20,000 messages
 * are ~2,300 pages (~9 MiB of the 32 MiB page cache at 1M messages; docs/BENCHMARKS.md).
 */
export const WARM_MESSAGES = 20_000;
/** Messages read per step: ~110 pages, a few milliseconds of decryption. */
const STEP_MESSAGES = 1_000;

export interface WarmUpReport extends StepTimes {
  /** False if the store was closed (or `stop` called) before the last step. */
  completed: boolean;
  steps: number;
  /** From start to the last step, waits between steps included. */
  wallMs: number;
}

type Step = () => unknown;

/**
 * Does in the background, soon after the store opens, what the first searches would otherwise do
 * while the user waits: every page of an encrypted file is decrypted (AES + HMAC, ~14 µs) the
 * first time it is read, and V8 compiles the search code only once it has run. So it reads the
 * pages every search needs (conversation titles, the search terms' index), the newest messages
 * (where searches find their candidates), then runs two searches built from the newest message's
 * words and throws their results away. It only reads: results never change.
 *
 * One short step per turn of the event loop (`setImmediate`), so the thread stays responsive;
 * `stop` (called by `Store.close`) ends it before the next step.
 */
export class SearchWarmUp {
  readonly done: Promise<WarmUpReport>;
  private stopped = false;

  constructor(db: Database.Database, search: (query: string) => unknown) {
    this.done = this.run(db, steps(db, search));
  }

  stop(): void {
    this.stopped = true;
  }

  private async run(db: Database.Database, all: Iterable<Step>): Promise<WarmUpReport> {
    const started = performance.now();
    const report = { completed: false, steps: 0, wallMs: 0, cpuMs: 0, longestStepMs: 0, longestStepCpuMs: 0 };
    for (const step of all) {
      await nextTurn();
      if (this.stopped || !db.open) return { ...report, wallMs: performance.now() - started };
      timeStep(report, step);
      report.steps++;
    }
    return { ...report, completed: true, wallMs: performance.now() - started };
  }
}

function* steps(db: Database.Database, search: (query: string) => unknown): Generator<Step> {
  // Every search shows its hits' conversation titles, found by id.
  yield () => db.prepare("SELECT count(*) FROM conversations WHERE id > ''").get();
  yield () => db.prepare("SELECT sum(length(title)) FROM conversations").get();
  // Where each search term's index entries start, per index segment.
  yield () => db.prepare("SELECT count(*) FROM messages_fts_idx").get();
  const newest = (db.prepare("SELECT max(pk) FROM messages").pluck().get() as number | null) ?? 0;
  const readRange = db.prepare("SELECT sum(length(content)) FROM messages WHERE pk > ? AND pk <= ?");
  for (let to = newest; to > Math.max(0, newest - WARM_MESSAGES); to -= STEP_MESSAGES) {
    const upTo = to;
    yield () => readRange.get(Math.max(0, upTo - STEP_MESSAGES), upTo);
  }
  // A one-word and a two-word search run every part of the search code (the second samples how
  // common each word is); the newest message's words make them read what a user's search would.
  const text = db.prepare("SELECT content FROM messages WHERE pk = ?").pluck().get(newest) as string | undefined;
  const words = (text ?? "").split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3);
  if (words.length >= 1) yield () => search(words[0]!);
  if (words.length >= 2) yield () => search(`${words[0]} ${words[1]}`);
}
