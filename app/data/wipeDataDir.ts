import { lstat, readdir, rm, unlink } from "node:fs/promises";
import { basename, join } from "node:path";
import { TandemError } from "../contract/errors";
import type { WipeSummary } from "../contract/types";

export interface WipeOptions {
  /** Also delete `<dataDir>/models/` (model files Tandem keeps there). Default false. */
  deleteModels?: boolean;
  /** The SQLite file's name. Default "tandem.db" (the hosts' DB_FILE). */
  dbFile?: string;
}

/** Where Tandem keeps model files inside the data folder. Files elsewhere are never touched. */
export const MODELS_DIR = "models";

/**
 * "Delete all my data": removes the database (conversations, messages, stages, vault, audit log,
 * context, profile, settings, the models list) with its WAL/SHM side files, and the keys file
 * (with any half-written temporary copy). Only Tandem's own files: in Electron the data folder
 * is shared with Chromium's. The database must be closed first (the host does close → wipe →
 * reopen). Deleting is not overwriting: see README "Your data" for what the disk may keep.
 */
export async function wipeDataDir(dataDir: string, options: WipeOptions = {}): Promise<WipeSummary> {
  const dbFile = options.dbFile ?? "tandem.db";
  // .salt/.recovery: the encryption key's salt and its recovery copy (see DatabaseKeyStore).
  const names = new Set([
    dbFile,
    `${dbFile}-wal`,
    `${dbFile}-shm`,
    `${dbFile}-journal`,
    `${dbFile}.salt`,
    `${dbFile}.recovery`,
    `${dbFile}.encrypting`,
    "secrets.json",
  ]);
  const present = await readdir(dataDir).catch(() => [] as string[]);
  for (const name of present) if (/^secrets\.json\.[0-9a-f]+\.tmp$/.test(name)) names.add(name);
  const removed: string[] = [];
  for (const name of names) {
    if (present.includes(name) && (await removeFile(join(dataDir, name)))) removed.push(name);
  }
  const modelsDeleted = options.deleteModels === true && (await removeModelsDir(join(dataDir, MODELS_DIR)));
  if (modelsDeleted) removed.push(`${MODELS_DIR}/`);
  return { removed, modelsDeleted };
}

async function removeFile(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return false;
    throw new TandemError(
      "file_error",
      `Tandem could not delete ${basename(path)} (${code ?? "unknown error"}). Quit Tandem, delete it by hand from the data folder, and start again.`,
      { cause: error },
    );
  }
}

/**
 * Deletes the models folder and what is in it. A symbolic link (the folder itself or a file in
 * it) is removed as a link: its target lies outside the data folder and stays where it is.
 */
async function removeModelsDir(path: string): Promise<boolean> {
  const info = await lstat(path).catch(() => null);
  if (!info) return false;
  if (info.isSymbolicLink()) await unlink(path);
  else await rm(path, { recursive: true, force: true });
  return true;
}
