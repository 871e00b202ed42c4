/**
 * Memory of a long-running sanitizer (the desktop app, the privacy proxy): sanitizes a generated
 * stream of English text full of words no lexicon holds (bench/nlpMemory/unseenText.ts) and prints
 * heapUsed and RSS after every step, each after a full GC. wink-nlp adds every token it has not
 * seen to its in-memory lexicon, so without a bound the heap grows with every new word sanitized.
 * See docs/BENCHMARKS.md ("Names tagger memory").
 *
 *   npm run bench:nlp-memory -- [--mb 50] [--step-mb 5]
 */
import { loadavg } from "node:os";
import { PrivacyVault, preparePrivacyEngine, sanitize } from "../app/privacy";
import { taggerStats } from "../app/privacy/names/winkTagger";
import { unseenParagraphs } from "./nlpMemory/unseenText";

const MB = 1024 * 1024;
/** Messages per conversation: each conversation gets a fresh vault, so the vault does not grow. */
const MESSAGES_PER_VAULT = 20;

function argNumber(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!(value > 0)) throw new Error(`${name} needs a positive number of megabytes, e.g. ${name} ${fallback}`);
  return value;
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run node with --expose-gc (npm run bench:nlp-memory does)");
  gc();
  gc();
}

function row(done: number, cpuSeconds: number): string {
  collect();
  const { heapUsed, rss } = process.memoryUsage();
  const tagger = taggerStats();
  const cells = [
    (done / MB).toFixed(1),
    (heapUsed / MB).toFixed(1),
    (rss / MB).toFixed(1),
    String(tagger.addedWords),
    String(tagger.reloads),
    cpuSeconds.toFixed(1),
    loadavg()[0]!.toFixed(2),
  ];
  return `| ${cells.join(" | ")} |`;
}

function main(): void {
  const total = argNumber("--mb", 50) * MB;
  const step = argNumber("--step-mb", 5) * MB;
  const next = unseenParagraphs();
  preparePrivacyEngine();
  const cpuStart = process.cpuUsage();
  const cpu = () => {
    const used = process.cpuUsage(cpuStart);
    return (used.user + used.system) / 1e6;
  };
  console.log("| MB sanitized | heapUsed MB | RSS MB | words wink added | tagger reloads | CPU s | load 1 min |");
  console.log("|---|---|---|---|---|---|---|");
  console.log(row(0, 0));
  let done = 0;
  let vault = new PrivacyVault("nlp-memory-0");
  for (let message = 1, mark = step; done < total; message++) {
    const text = [next(), next(), next(), next()].join("\n\n");
    sanitize(text, vault, { locale: "en-US" });
    done += text.length;
    if (message % MESSAGES_PER_VAULT === 0) vault = new PrivacyVault(`nlp-memory-${message}`);
    if (done >= mark) {
      console.log(row(done, cpu()));
      mark += step;
    }
  }
}

main();
