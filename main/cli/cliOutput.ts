import { TandemError } from "../../app/contract/errors";
import type { Store } from "../../app/store/Store";
import { openDataStore } from "../host/openDataStore";
import { EXIT_FAILED, EXIT_USAGE, type CliIo } from "./CliIo";

/** Writes `text` to `stream` and returns `code`, so a command can `return write(…)`. */
export function write(stream: NodeJS.WritableStream, text: string, code: number): number {
  stream.write(text);
  return code;
}

/** Bad usage: the reason (if any) and the command's usage text on stderr, exit code 2. */
export function usageError(io: CliIo, usage: string, message: string): number {
  return write(io.stderr, `${message ? message + "\n" : ""}${usage}\n`, EXIT_USAGE);
}

/** Opens the data store, runs `fn`, closes the store; expected failures become one line on stderr. */
export async function withDataStore(io: CliIo, fn: (store: Store) => number | Promise<number>): Promise<number> {
  let store: Store | null = null;
  try {
    store = await openDataStore(io.dataDir);
    return await fn(store);
  } catch (error) {
    if (!(error instanceof TandemError)) throw error;
    return write(io.stderr, `tandem: ${error.message}\n`, EXIT_FAILED);
  } finally {
    store?.close();
  }
}
