// In the contract because both sides name models alike: the host when it records a file, the UI
// for models recorded before this rule existed.
/**
 * The name a model is listed under: the GGUF's `general.name`, unless it is blank or only repeats
 * the architecture (llama2.c conversions write "llama" there, issue #12), else the file name
 * without `.gguf`.
 */
export function modelDisplayName(model: { name: string | null; architecture: string | null; path: string }): string {
  const name = model.name?.trim() ?? "";
  if (name && name.toLowerCase() !== (model.architecture ?? "").trim().toLowerCase()) return name;
  const file = model.path.split(/[\\/]/).pop() ?? model.path;
  return file.replace(/\.gguf$/i, "") || file;
}
