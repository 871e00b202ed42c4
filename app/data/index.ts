/**
 * "Your data, your keys" (issue #8): export, import and delete everything.
 *
 *   exportAll(db, { passphrase })            → one JSON file (optionally scrypt + AES-256-GCM)
 *   exportConversation(db, id, "md"|"json")  → one conversation
 *   readImportFile(path, { passphrase })     → validated Tandem / ChatGPT / Markdown data (no writes)
 *   importIntoDatabase(db, file)             → merged in one transaction (existing ids win)
 *   wipeDataDir(dataDir, { deleteModels })   → the database, its side files and the keys, gone
 */
export { exportAll, exportConversation, type ExportContent } from "./exportData";
export { writeExportFile } from "./writeExportFile";
export {
  readImportFile,
  parseImportText,
  DEFAULT_IMPORT_LIMITS,
  type ImportFile,
  type ImportLimits,
  type ReadImportOptions,
} from "./readImportFile";
export { importIntoDatabase } from "./importIntoDatabase";
export { wipeDataDir, MODELS_DIR, type WipeOptions } from "./wipeDataDir";
export { collectExport } from "./collectExport";
export { conversationToMarkdown } from "./conversationToMarkdown";
export { encryptExport, decryptExport, ENCRYPTED_FORMAT } from "./encryptExport";
export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  TandemExportSchema,
  type TandemExport,
  type ExportedConversation,
} from "./exportFormat";
