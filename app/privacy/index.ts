/**
 * The privacy engine (issue #3): find private items, replace them by stable placeholders
 * per conversation, and put the real values back on the device.
 *
 *   detect(text, vault, options)            → Detection[]            (sync, steps 1–4)
 *   registerContext(vault, text, options)   → number of new terms    (profile/notes/docs)
 *   sanitize(text, vault, options)          → { text: SanitizedText, replaced }
 *   sanitizeParts(parts, vault, options)    → one result per part; the parts together are a fixpoint of the gate
 *   sanitizeWithModel(text, vault, options) → Promise<same + modelAdded> (+ step 5 after 1–4, options.modelPass)
 *   restore(text, vault)                    → { text, restored, unresolved }
 *   new VaultStore(db).load(id) / .save(vault) / .has(id) / .delete(id)   (SQLite persistence;
 *     save throws VaultConflictError if another writer saved since the load: reload, sanitize again)
 *   createModelPass(localModel, options)    → options.modelPass for sanitizeWithModel (step 5)
 */
export type {
  PrivateType,
  SanitizedText,
  Detection,
  DetectionSource,
  DetectOptions,
  PrivateTerm,
  VaultEntry,
  VaultOrigin,
  SanitizeResult,
  RestoreResult,
} from "./types";
export { PRIVATE_TYPES } from "./types";
export { detect } from "./detect";
export { normalize } from "./normalize";
export { PrivacyVault } from "./PrivacyVault";
export { registerContext } from "./registerContext";
export { resanitize, sanitize, sanitizeParts, settleParts } from "./sanitize";
export { sanitizeWithModel, type ModelSanitizeResult } from "./sanitizeWithModel";
export { restore } from "./restore";
export { CLOSING_BRACKETS, formatPlaceholder, OPENING_BRACKETS, PLACEHOLDER, TYPE_WORDS } from "./placeholder";
export { VaultStore } from "./VaultStore";
export { VaultConflictError } from "./VaultConflictError";
export { retryOnVaultConflict, retryOnVaultConflictAsync, type VaultRetryOptions } from "./retryOnVaultConflict";
export { KeyedMutex } from "./KeyedMutex";
export { LANGUAGE_VOCABULARIES, preparePrivacyEngine, prepareLanguageLists } from "./preparePrivacyEngine";
export { createModelPass, parseItems, type ModelPass, type ModelPassOptions } from "./modelPass";
