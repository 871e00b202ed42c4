import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { registerConversationContext } from "../../../app/pipeline/hybrid/registerConversationContext";
import { PrivacyVault, sanitize, VaultStore, type DetectOptions } from "../../../app/privacy";
import { openDataStore } from "../../host/openDataStore";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from "../CliIo";
import { readAll } from "./readAll";
import { write } from "../cliOutput";

const USAGE = `Usage: npm run -s cli -- sanitize [--json | --jsonl] [--conversation <id>] [--locale <bcp47>] [--no-nlp] < input
  Prints stdin with every private item replaced by a placeholder such as [PERSON_1] — useful before
  pasting into any web chat. The values stay on this device, in its data file, so that
  \`restore --conversation <id>\` can put them back.
  --conversation  keep using this conversation's placeholders (default: a new conversation; its id is printed on stderr)
  --json          print {"conversationId","sanitized","placeholders":[{"placeholder","type"}]} (never the values)
  --jsonl         each input line is {"id","text"[,"context"]}, its own conversation (not stored); prints {"id","sanitized"} per line.
                  "context" (optional): that conversation's profile and notes, a string or an array of strings,
                  registered as private context first, exactly as Hybrid mode does
  --locale        e.g. en-US, de-DE, fr-FR: the default country for phone numbers (default en-US)
  --no-nlp        skip the names/organisations/places step (structured identifiers and known terms only)`;

type Options = {
  json?: boolean;
  jsonl?: boolean;
  conversation?: string;
  locale?: string;
  "no-nlp"?: boolean;
  help?: boolean;
};

/** `sanitize`: stdin → sanitized text on stdout, the vault kept in `<dataDir>/tandem.db`. */
export async function sanitizeCommand(args: string[], io: CliIo): Promise<number> {
  let values: Options;
  try {
    values = parseArgs({
      args,
      options: {
        json: { type: "boolean" },
        jsonl: { type: "boolean" },
        conversation: { type: "string" },
        locale: { type: "string" },
        "no-nlp": { type: "boolean" },
        help: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (values.help) return write(io.stdout, USAGE + "\n", EXIT_OK);
  if (values.json && values.jsonl)
    return write(io.stderr, `--json and --jsonl exclude each other.\n${USAGE}\n`, EXIT_USAGE);
  const options: DetectOptions = { locale: values.locale ?? "en-US", nlp: !values["no-nlp"] };
  const input = await readAll(io.stdin);
  return values.jsonl ? sanitizeLines(input, options, io) : sanitizeStored(input, options, values, io);
}

async function sanitizeStored(input: string, options: DetectOptions, values: Options, io: CliIo): Promise<number> {
  const store = await openDataStore(io.dataDir);
  try {
    const vaults = new VaultStore(store.db);
    const conversationId = values.conversation ?? `cli-${randomUUID()}`;
    const vault = vaults.load(conversationId);
    const result = sanitize(input, vault, options);
    vaults.save(vault);
    if (!values.conversation)
      io.stderr.write(
        `conversation: ${conversationId}  (restore with: npm run -s cli -- restore --conversation ${conversationId})\n`,
      );
    const out = values.json
      ? JSON.stringify({ conversationId, sanitized: result.text, placeholders: result.replaced }) + "\n"
      : result.text;
    return write(io.stdout, out, EXIT_OK);
  } finally {
    store.close();
  }
}

/** JSON Lines: one conversation per line, nothing stored (a batch tool, e.g. for benchmarks). */
function sanitizeLines(input: string, options: DetectOptions, io: CliIo): number {
  let failed = 0;
  input.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    const parsed = parseLine(line);
    if (!parsed) {
      failed++;
      io.stderr.write(
        `line ${index + 1}: expected {"id": string|number, "text": string, "context"?: string|string[]}; skipped\n`,
      );
      return;
    }
    const vault = new PrivacyVault(`jsonl-${String(parsed.id)}`);
    if (parsed.context.length)
      registerConversationContext(vault, { terms: [], texts: parsed.context }, options.locale ?? "en-US");
    const result = sanitize(parsed.text, vault, options);
    io.stdout.write(JSON.stringify({ id: parsed.id, sanitized: result.text }) + "\n");
  });
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}

function parseLine(line: string): { id: string | number; text: string; context: string[] } | null {
  try {
    const value = JSON.parse(line) as { id?: unknown; text?: unknown; context?: unknown };
    const idOk = typeof value.id === "string" || typeof value.id === "number";
    const context =
      value.context === undefined ? [] : typeof value.context === "string" ? [value.context] : value.context;
    const contextOk = Array.isArray(context) && context.every((c) => typeof c === "string");
    return idOk && contextOk && typeof value.text === "string"
      ? { id: value.id as string | number, text: value.text, context: context as string[] }
      : null;
  } catch {
    return null;
  }
}
