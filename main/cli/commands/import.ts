import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { ImportSummary } from "../../../app/contract/types";
import { importIntoDatabase, readImportFile } from "../../../app/data";
import { EXIT_OK, type CliIo } from "../CliIo";
import { passphraseFrom } from "./export";
import { usageError, withDataStore, write } from "../cliOutput";

const USAGE = `Usage: npm run -s cli -- import <file> [--passphrase-env <VAR>] [--json]
  Imports a Tandem export (merged: conversations already here are kept, so importing twice adds
  nothing), a ChatGPT conversations.json (the branch you last saw) or a Markdown transcript
  ("## User" / "## Assistant"). Imported ChatGPT and Markdown conversations are Private.
  All or nothing: a damaged or too large file imports nothing.
  --passphrase-env <VAR>  the passphrase of an encrypted export, from environment variable VAR
  --json                  print the summary as JSON`;

/** `import`: merges a file into `<dataDir>/tandem.db` in one transaction. */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { "passphrase-env": { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } },
    });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return write(io.stdout, USAGE + "\n", EXIT_OK);
  if (positionals.length !== 1)
    return usage(
      io,
      positionals.length === 0 ? "Which file? Give its path." : `Unexpected argument: ${positionals[1]}`,
    );
  return withDataStore(io, async (store) => {
    const passphrase = values["passphrase-env"] ? passphraseFrom(values["passphrase-env"]) : undefined;
    const file = await readImportFile(resolve(positionals[0]!), { passphrase });
    const summary = importIntoDatabase(store.db, file);
    return write(io.stdout, values.json ? JSON.stringify(summary) + "\n" : describe(summary), EXIT_OK);
  });
}

function describe(s: ImportSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const lines = [
    `imported ${plural(s.conversationsImported, "conversation")} (${plural(s.messagesImported, "message")}) from a ${s.source} file`,
  ];
  if (s.conversationsSkipped > 0) lines.push(`skipped ${plural(s.conversationsSkipped, "conversation")} already here`);
  if (s.contextItemsImported + s.contextItemsSkipped > 0)
    lines.push(`context: ${s.contextItemsImported} imported, ${s.contextItemsSkipped} already here`);
  if (s.profileImported) lines.push("profile imported");
  if (s.settingsImported > 0) lines.push(`${plural(s.settingsImported, "setting")} imported`);
  return lines.join("\n") + "\n";
}

function usage(io: CliIo, message: string): number {
  return usageError(io, USAGE, message);
}
