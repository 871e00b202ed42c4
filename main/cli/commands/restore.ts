import { parseArgs } from "node:util";
import { restore, VaultStore } from "../../../app/privacy";
import { openDataStore } from "../../host/openDataStore";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from "../CliIo";
import { readAll } from "./readAll";

const USAGE = `Usage: npm run -s cli -- restore --conversation <id> [--json] < text-with-placeholders
  Puts the real values back for the placeholders that \`sanitize\` wrote in that conversation
  (tolerates "[Person 1]", "PERSON_1", …). Runs on this device only.
  --json  print {"text","restored","unresolved"}`;

/** `restore`: the reverse of `sanitize --conversation <id>`, from the vault in `<dataDir>/tandem.db`. */
export async function restoreCommand(args: string[], io: CliIo): Promise<number> {
  let values: { conversation?: string; json?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: { conversation: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } },
    }).values;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.stdout.write(USAGE + "\n");
    return EXIT_OK;
  }
  if (!values.conversation) {
    io.stderr.write(`restore needs --conversation <id> (sanitize printed it on stderr).\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const input = await readAll(io.stdin);
  const store = await openDataStore(io.dataDir);
  try {
    const vaults = new VaultStore(store.db);
    if (!vaults.has(values.conversation)) {
      io.stderr.write(
        `tandem: no placeholders are stored for conversation ${values.conversation} on this device. Check the id that sanitize printed.\n`,
      );
      return EXIT_FAILED;
    }
    const result = restore(input, vaults.load(values.conversation));
    if (result.unresolved.length > 0)
      io.stderr.write(`tandem: not restored (unknown placeholders): ${result.unresolved.join(", ")}\n`);
    io.stdout.write(values.json ? JSON.stringify(result) + "\n" : result.text);
    return EXIT_OK;
  } finally {
    store.close();
  }
}
