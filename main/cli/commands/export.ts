import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { MIN_PASSPHRASE_CHARS } from "../../../app/contract/channels";
import { TandemError } from "../../../app/contract/errors";
import { exportAll, exportConversation, writeExportFile } from "../../../app/data";
import { EXIT_OK, type CliIo } from "../CliIo";
import { usageError, withDataStore, write } from "../cliOutput";

const USAGE = `Usage: npm run -s cli -- export [--conversation <id>] [--format md|json] [--out <file>] [--passphrase-env <VAR>]
  Without --conversation: everything (conversations, private context, profile, settings) as one
  JSON file. Never API keys, never paths of this computer.
  --conversation <id>     one conversation; --format md for a readable transcript (default json)
  --out <file>            write the file there (never overwrites one); default: standard output
  --passphrase-env <VAR>  encrypt the full export with the passphrase in environment variable VAR
                          (not on the command line, where shell history and other users see it)`;

/** `export`: writes an export of `<dataDir>/tandem.db` to a file or stdout. */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  let values: { conversation?: string; format?: string; out?: string; "passphrase-env"?: string; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        conversation: { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
        "passphrase-env": { type: "string" },
        help: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  if (values.help) return write(io.stdout, USAGE + "\n", EXIT_OK);
  const format = values.format ?? "json";
  if (format !== "md" && format !== "json") return usage(io, `Unknown format "${format}": use md or json.`);
  if (format === "md" && !values.conversation)
    return usage(io, "--format md exports one conversation: add --conversation <id>.");
  if (values["passphrase-env"] && values.conversation)
    return usage(io, "Encryption is for the full export; leave out --conversation.");
  return withDataStore(io, async (store) => {
    const passphrase = values["passphrase-env"]
      ? passphraseFrom(values["passphrase-env"], { toEncrypt: true })
      : undefined;
    const file = values.conversation
      ? exportConversation(store.db, values.conversation, format)
      : await exportAll(store.db, { passphrase });
    if (!values.out) return write(io.stdout, file.content.endsWith("\n") ? file.content : file.content + "\n", EXIT_OK);
    await writeExportFile(resolve(values.out), file.content);
    return write(
      io.stderr,
      `exported ${file.conversations} conversation${file.conversations === 1 ? "" : "s"}${file.encrypted ? " (encrypted)" : ""} to ${values.out}\n`,
      EXIT_OK,
    );
  });
}

/** The passphrase from a named environment variable; a clear error if it is unset or too short. */
export function passphraseFrom(variable: string, options: { toEncrypt?: boolean } = {}): string {
  const value = process.env[variable];
  if (!value)
    throw new TandemError(
      "passphrase_required",
      `The environment variable ${variable} is not set. Set it to the passphrase, e.g. read -rs ${variable} && export ${variable}.`,
    );
  if (options.toEncrypt && value.length < MIN_PASSPHRASE_CHARS) {
    throw new TandemError(
      "invalid_request",
      `The passphrase in ${variable} is too short: use at least ${MIN_PASSPHRASE_CHARS} characters.`,
    );
  }
  return value;
}

function usage(io: CliIo, message: string): number {
  return usageError(io, USAGE, message);
}
