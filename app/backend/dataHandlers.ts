import { isAbsolute } from "node:path";
import type { WipeSummary } from "../contract/types";
import { TandemError } from "../contract/errors";
import {
  exportAll,
  exportConversation,
  importIntoDatabase,
  readImportFile,
  writeExportFile,
  type ExportContent,
} from "../data";
import type { Store } from "../store/Store";
import type { Handlers } from "./Handlers";

type DataChannels = "data:exportConversation" | "data:exportAll" | "data:import" | "data:wipe";

export interface DataHandlerDeps {
  store: Store;
  /**
   * The host's "close → wipe → reopen" (see main/host/createHost.ts): the store must be closed
   * before its files go, and the app must come back as new. Absent where no host owns the files.
   */
  wipeData?(options: { deleteModels: boolean }): Promise<WipeSummary>;
}

/** Export, import and "Delete all my data". Paths are the ones the user typed; nothing is logged. */
export function dataHandlers(deps: DataHandlerDeps): Pick<Handlers, DataChannels> {
  return {
    "data:exportConversation": async ({ conversationId, format, path }) =>
      deliver(exportConversation(deps.store.db, conversationId, format), path),
    "data:exportAll": async ({ passphrase, path }) => deliver(await exportAll(deps.store.db, { passphrase }), path),
    "data:import": async ({ path, passphrase }) => {
      // The host's working directory means nothing to the user typing in the UI.
      if (!isAbsolute(path))
        throw new TandemError("file_error", "Type the file's full path, e.g. /home/you/Downloads/conversations.json.");
      return importIntoDatabase(deps.store.db, await readImportFile(path, { passphrase }));
    },
    "data:wipe": async ({ deleteModels }) => {
      if (!deps.wipeData)
        throw new TandemError(
          "internal",
          "This host cannot delete its data while running. Quit it and use `npm run cli -- wipe --yes`.",
        );
      return deps.wipeData({ deleteModels: deleteModels ?? false });
    },
  };
}

/** Returns the content (the browser offers it as a download) or writes it where the user asked. */
async function deliver(file: ExportContent, path: string | undefined) {
  if (path === undefined) return { ...file, path: null };
  await writeExportFile(path, file.content);
  return { ...file, content: null, path };
}
