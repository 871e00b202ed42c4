import { parseArgs } from "node:util";
import { TandemError } from "../../../app/contract/errors";
import { wipeDataDir } from "../../../app/data";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from "../CliIo";
import { write } from "../cliOutput";

const USAGE = `Usage: npm run -s cli -- wipe --yes [--models]
  Deletes all your data in the data folder: conversations, messages, private context, profile,
  the privacy vault, the privacy log, the models list, settings and the API key file. Tandem
  starts as new afterwards. Quit the Tandem app first. Export first if you may want it back.
  --yes     required: there is no undo
  --models  also delete the model files Tandem keeps in the data folder (models/);
            model files elsewhere on this computer are never touched`;

/** `wipe`: "Delete all my data" without the app (which must not be running). */
export async function wipeCommand(args: string[], io: CliIo): Promise<number> {
  let values: { yes?: boolean; models?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: { yes: { type: "boolean" }, models: { type: "boolean" }, help: { type: "boolean" } },
    }).values;
  } catch (error) {
    return write(io.stderr, `${(error as Error).message}\n${USAGE}\n`, EXIT_USAGE);
  }
  if (values.help) return write(io.stdout, USAGE + "\n", EXIT_OK);
  if (!values.yes) return write(io.stderr, `Nothing deleted: add --yes to confirm.\n${USAGE}\n`, EXIT_USAGE);
  try {
    const result = await wipeDataDir(io.dataDir, { deleteModels: values.models === true });
    const what = result.removed.length > 0 ? `deleted ${result.removed.join(", ")}` : "there was no data to delete";
    return write(io.stdout, `${what} in ${io.dataDir}. Tandem will start as new.\n`, EXIT_OK);
  } catch (error) {
    if (!(error instanceof TandemError)) throw error;
    return write(io.stderr, `tandem: ${error.message}\n`, EXIT_FAILED);
  }
}
