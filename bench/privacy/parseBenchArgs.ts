import { parseArgs } from "node:util";
import type { DatasetName } from "./DatasetResult";

export interface BenchArgs {
  /** One dataset to run; undefined = the three defaults. */
  data?: string;
  format?: DatasetName;
  json: boolean;
  /** Print the results as Markdown tables (for docs/BENCHMARKS.md). */
  markdown: boolean;
  /** false with --no-nlp: the quality pass skips step 4 and only no-NLP throughput is measured. */
  nlp: boolean;
  limit?: number;
  /** Print leaking items (values for our scenarios and the synthetic Presidio set; never PUPA text). */
  showLeaks: boolean;
  /** Measured throughput passes after a warm-up pass. Default 3. */
  passes: number;
  /** A GGUF file: also measure steps 1–5 with this local model (runModelStep). Default: steps 1–4 only. */
  model?: string;
}

export const USAGE = `Usage: npm run bench:privacy -- [--data <file> --format scenarios|pupa|presidio] [--json | --markdown] [--no-nlp] [--limit N] [--show-leaks] [--passes N] [--model <file.gguf>]
--model also runs step 5 (the local-model check, as in Hybrid) with that model and reports steps 1–4 vs 1–5.
Without --data, runs our scenarios, PUPA rows 0–299 and the Presidio synthetic set from ../shared/data.`;

const FORMATS: readonly DatasetName[] = ["scenarios", "pupa", "presidio"];

/** Parses argv; throws an Error with a message for the user on bad input. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      data: { type: "string" },
      format: { type: "string" },
      json: { type: "boolean", default: false },
      markdown: { type: "boolean", default: false },
      "no-nlp": { type: "boolean", default: false },
      limit: { type: "string" },
      "show-leaks": { type: "boolean", default: false },
      passes: { type: "string" },
      model: { type: "string" },
    },
    strict: true,
  });
  const format = values.format ?? (values.data ? formatFromExtension(values.data) : undefined);
  if (format !== undefined && !FORMATS.includes(format as DatasetName))
    throw new Error(`--format must be one of ${FORMATS.join(", ")}, got "${format}".`);
  if (values.format && !values.data) throw new Error("--format needs --data <file>.");
  return {
    data: values.data,
    format: format as DatasetName | undefined,
    json: values.json,
    markdown: values.markdown,
    nlp: !values["no-nlp"],
    limit: positiveInt("--limit", values.limit),
    showLeaks: values["show-leaks"],
    passes: positiveInt("--passes", values.passes) ?? 3,
    model: values.model,
  };
}

function formatFromExtension(path: string): DatasetName {
  if (path.endsWith(".jsonl")) return "scenarios";
  if (path.endsWith(".csv")) return "pupa";
  if (path.endsWith(".json")) return "presidio";
  throw new Error(`Cannot tell the format of ${path}: pass --format scenarios|pupa|presidio.`);
}

function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got "${value}".`);
  return n;
}
