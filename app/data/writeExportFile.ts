import { writeFile } from "node:fs/promises";
import { basename, isAbsolute } from "node:path";
import { TandemError } from "../contract/errors";

/**
 * Writes an export where the user asked. Never overwrites (a typo must not destroy a file) and
 * creates it readable by the user only: it holds their private conversations.
 */
export async function writeExportFile(path: string, content: string): Promise<void> {
  if (!isAbsolute(path))
    throw new TandemError(
      "file_error",
      `Type a full path for the export, e.g. /home/you/Documents/${basename(path) || "tandem-export.json"}.`,
    );
  try {
    await writeFile(path, content, { encoding: "utf8", flag: "wx", mode: 0o600 });
  } catch (error) {
    throw new TandemError("file_error", `${reasonFor(error as NodeJS.ErrnoException)}: "${path}".`, { cause: error });
  }
}

function reasonFor(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "EEXIST":
      return "A file with that name already exists; Tandem does not overwrite files. Choose another name";
    case "ENOENT":
      return "That folder does not exist. Create it first or choose another one";
    case "EACCES":
    case "EPERM":
      return "Tandem may not write there. Choose a folder you own";
    default:
      return `The export could not be written (${error.code ?? "unknown error"})`;
  }
}
