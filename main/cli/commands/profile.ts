import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { parseArgs } from "node:util";
import { TandemError } from "../../../app/contract/errors";
import { EXIT_OK, type CliIo } from "../CliIo";
import { runWithContext } from "./context";
import { readAll } from "./readAll";
import { usageError, write } from "../cliOutput";

const USAGE = `Usage: npm run -s cli -- profile <set|show> …
  What the local model knows about you (never sent to the cloud).
  profile set <file.json>   replaces the profile: {"name", "city", "job", "family": ["Tom (husband)", …],
                            "healthNotes", "alwaysPrivate": ["terms never to leave this device", …], "freeText"}
  profile set <file.txt>    replaces only the free text; "-" reads it from stdin
  profile show              prints the profile as JSON`;

/** A profile is a page or two; anything this big is the wrong file. */
const MAX_PROFILE_BYTES = 1024 * 1024;

/** `profile`: set or show the user's profile in `<dataDir>/tandem.db`. */
export async function profileCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { help: { type: "boolean" } } });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const [verb, file, ...rest] = parsed.positionals;
  if (parsed.values.help) return write(io.stdout, USAGE + "\n", EXIT_OK);
  if (rest.length > 0) return usage(io, `Unexpected argument: ${rest[0]}`);
  if (verb === "show" && !file) {
    return runWithContext(io, (context) =>
      write(io.stdout, JSON.stringify(context.profile.get(), null, 2) + "\n", EXIT_OK),
    );
  }
  if (verb === "set" && file) {
    return runWithContext(io, async (context) => {
      const input = await readInput(file, io);
      const profile = isJson(file, input) ? parseJson(input, file) : { ...context.profile.get(), freeText: input };
      const stored = context.profile.set(profile);
      const filled = Object.entries(stored)
        .filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== ""))
        .map(([k]) => k);
      return write(io.stdout, `profile saved (${filled.length > 0 ? filled.join(", ") : "empty"})\n`, EXIT_OK);
    });
  }
  return usage(io, verb ? `Unknown or incomplete profile command: ${[verb, file].filter(Boolean).join(" ")}` : "");
}

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === "-") return readAll(io.stdin);
  try {
    const { size } = await stat(file);
    if (size > MAX_PROFILE_BYTES)
      throw new TandemError(
        "too_large",
        `"${basename(file)}" is larger than 1 MB; a profile is a page or two of text.`,
      );
    return await readFile(file, "utf8");
  } catch (error) {
    if (error instanceof TandemError) throw error;
    throw new TandemError(
      "invalid_request",
      `Cannot read "${basename(file)}": ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "it does not exist" : "it could not be read"}.`,
      { cause: error },
    );
  }
}

/** .json files, and stdin that starts with "{", hold a whole profile; anything else is free text. */
function isJson(file: string, input: string): boolean {
  return extname(file).toLowerCase() === ".json" || (file === "-" && input.trimStart().startsWith("{"));
}

function parseJson(input: string, file: string): unknown {
  try {
    return JSON.parse(input);
  } catch (error) {
    throw new TandemError(
      "invalid_request",
      `"${file === "-" ? "stdin" : basename(file)}" is not valid JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function usage(io: CliIo, message: string): number {
  return usageError(io, USAGE, message);
}
