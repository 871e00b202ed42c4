/**
 * Private context (issue #6): the user's profile, notes and documents, indexed on the device
 * (SQLite FTS5, bm25) and given to the LOCAL model only.
 *
 *   new ContextService(store.db)                         → .items, .profile, .addFile, .retrieveContext, .contextTermsFor
 *   importContextFile(path) / parseContextFile(bytes, name) → ImportedDocument (txt, md, pdf, docx, eml)
 *   chunkText(text, { targetTokens, overlapTokens, countTokens })
 *   formatContextForPrompt(profile, retrieved)            → the local model's system-prompt section
 */
export type * from "./types";
export type { Profile, FamilyMember } from "./Profile";
export { EMPTY_PROFILE, ProfileSchema, parseProfile, isEmptyProfile } from "./Profile";
export { ContextService } from "./ContextService";
export { ContextRepo, MAX_TEXT_CHARS, MAX_TITLE_CHARS } from "./ContextRepo";
export { ProfileRepo } from "./ProfileRepo";
export { ContextSearch, type ChunkHit } from "./ContextSearch";
export {
  chunkText,
  DEFAULT_TARGET_TOKENS,
  DEFAULT_OVERLAP_TOKENS,
  type ChunkOptions,
  type TextChunk,
} from "./chunkText";
export { estimateTokens } from "./estimateTokens";
export { buildContextQuery } from "./buildContextQuery";
export { retrieveContext, DEFAULT_MAX_PASSAGES, type RetrieveOptions, type RetrievedContext } from "./retrieveContext";
export { formatContextForPrompt, formatProfileBlock } from "./formatContextForPrompt";
export { contextTermsFor, type ContextTerm, type ContextTerms } from "./contextTermsFor";
export { importContextFile, MAX_IMPORT_BYTES } from "./importers/importContextFile";
export { parseContextFile, SUPPORTED_EXTENSIONS } from "./importers/parseContextFile";
export type { ImportedDocument } from "./importers/ImportedDocument";
