import { parseArgs } from "node:util";
import { TandemError } from "../../../app/contract/errors";
import { ContextService } from "../../../app/context/ContextService";
import type { ContextItemSummary, ConversationContextItem } from "../../../app/context/types";
import { EXIT_OK, type CliIo } from "../CliIo";
import { readAll } from "./readAll";
import { usageError, withDataStore, write } from "../cliOutput";

const USAGE = `Usage: npm run -s cli -- context <add|list|show|remove> …
  Private notes and documents: only the local model sees them, never the cloud.
  context add <file> [--global | --conversation <id>] [--title <title>] [--json]
      imports a .txt, .md, .pdf (text layer), .docx or .eml file of up to 20 MB; "-" reads a note from stdin
      --global        available in every conversation (default)
      --conversation  only in this conversation
      --title         a label (default: the e-mail's subject, else the file name)
  context list [--conversation <id>] [--json]    every item; with --conversation, its on/off state there
  context show <id>                              prints an item's text
  context remove <id>                            deletes an item and its index
  An <id> may be shortened to a unique prefix of at least 4 characters.`;

const OPTIONS = {
  global: { type: "boolean" },
  conversation: { type: "string" },
  title: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean" },
} as const;

type Values = { global?: boolean; conversation?: string; title?: string; json?: boolean; help?: boolean };

/** `context`: add, list, show and remove private context items in `<dataDir>/tandem.db`. */
export async function contextCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const [verb, target, ...rest] = parsed.positionals;
  const values: Values = parsed.values;
  if (values.help) return write(io.stdout, USAGE + "\n", EXIT_OK);
  if (rest.length > 0) return usage(io, `Unexpected argument: ${rest[0]}`);
  switch (verb) {
    case "add":
      if (!target) return usage(io, "context add needs a file (or - for stdin).");
      if (values.global && values.conversation) return usage(io, "--global and --conversation exclude each other.");
      return runWithContext(io, (context) => add(context, target, values, io));
    case "list":
      return runWithContext(io, (context) => list(context, values, io));
    case "show":
    case "remove":
      if (!target) return usage(io, `context ${verb} needs an item id.`);
      return runWithContext(io, (context) =>
        verb === "show" ? show(context, target, io) : remove(context, target, io),
      );
    default:
      return usage(io, verb ? `Unknown context command: ${verb}` : "");
  }
}

async function add(context: ContextService, file: string, values: Values, io: CliIo): Promise<number> {
  const conversationId = values.conversation ?? null;
  const item =
    file === "-"
      ? context.items.add({ title: values.title ?? "", text: await readAll(io.stdin), conversationId })
      : await context.addFile(file, { title: values.title, conversationId });
  const chunks = context.items.chunks(item.id).length;
  const { text: _text, ...summary } = item;
  if (values.json) return write(io.stdout, JSON.stringify({ ...summary, chunks }) + "\n", EXIT_OK);
  return write(
    io.stdout,
    `added ${item.id}  ${describe(summary)} · ${chunks} ${chunks === 1 ? "chunk" : "chunks"}\n`,
    EXIT_OK,
  );
}

function list(context: ContextService, values: Values, io: CliIo): number {
  const items: Array<ContextItemSummary | ConversationContextItem> = values.conversation
    ? context.items.listForConversation(values.conversation)
    : context.items.list();
  if (values.json) return write(io.stdout, JSON.stringify(items) + "\n", EXIT_OK);
  if (items.length === 0)
    return write(io.stderr, "No context items yet. Add one with: npm run -s cli -- context add <file>\n", EXIT_OK);
  const lines = items.map(
    (item) => `${"enabled" in item ? (item.enabled ? "[on]  " : "[off] ") : ""}${item.id}  ${describe(item)}`,
  );
  return write(io.stdout, lines.join("\n") + "\n", EXIT_OK);
}

function show(context: ContextService, idOrPrefix: string, io: CliIo): number {
  const item = context.items.get(resolveId(context, idOrPrefix))!;
  return write(io.stdout, `${item.title}\n${describe(item)}\n\n${item.text}\n`, EXIT_OK);
}

function remove(context: ContextService, idOrPrefix: string, io: CliIo): number {
  const id = resolveId(context, idOrPrefix);
  context.items.remove(id);
  return write(io.stdout, `removed ${id}\n`, EXIT_OK);
}

function describe(item: ContextItemSummary): string {
  const scope = item.scope === "global" ? "global" : `conversation ${item.conversationId}`;
  const source = item.sourceName ? `${item.sourceName}, ` : "";
  return `"${item.title}" (${item.kind}, ${source}${item.chars.toLocaleString("en")} characters, ${scope})`;
}

/** A full id, or a unique prefix of at least 4 characters: UUIDs are long to type. */
function resolveId(context: ContextService, idOrPrefix: string): string {
  if (context.items.get(idOrPrefix)) return idOrPrefix;
  const matches = idOrPrefix.length >= 4 ? context.items.list().filter((item) => item.id.startsWith(idOrPrefix)) : [];
  if (matches.length === 1) return matches[0]!.id;
  const reason =
    matches.length > 1
      ? `"${idOrPrefix}" matches ${matches.length} items; type more of the id`
      : `No context item "${idOrPrefix}". See: context list`;
  throw new TandemError("not_found", reason);
}

/** Runs `fn` on the private context in `<dataDir>/tandem.db` (opened and closed around it). */
export function runWithContext(io: CliIo, fn: (context: ContextService) => number | Promise<number>): Promise<number> {
  return withDataStore(io, (store) => fn(new ContextService(store.db)));
}

function usage(io: CliIo, message: string): number {
  return usageError(io, USAGE, message);
}
