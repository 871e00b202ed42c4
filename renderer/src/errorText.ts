import type { ErrorCode, ErrorData } from "../../app/contract/errors";

/**
 * The one catalog of user-facing error text. The back end's `message` is specific ("no GGUF
 * magic at offset 0…"); the catalog gives the headline a user reads first. Codes without an
 * entry show the server's message alone.
 */
// invalid_request has no entry on purpose: its message names the rule that was broken ("Use a
// passphrase of at least 12 characters"), which a generic headline would hide (issue #12).
const CATALOG: Partial<Record<ErrorCode, string>> = {
  unauthorized: "This page needs the link Tandem printed at start (with its #token). Open that link again.",
  not_found: "That item no longer exists. It may have been deleted in another window.",
  no_model: "Add a local model first (Settings → Models).",
  model_invalid: "That file is not a usable GGUF model.",
  model_missing: "Tandem cannot find or read that file. Check the path and its permissions.",
  model_load_failed:
    "The model could not be loaded. It may need more memory than is free, or use an unsupported architecture.",
  generation_failed: "The local model failed while writing the answer.",
  busy: "Tandem is still answering in this conversation. Stop it or wait for it to finish.",
  too_large: "That is too large to send.",
  cloud_not_configured: "Check the cloud set-up (Settings → Cloud).",
  cloud_auth: "The cloud provider refused the API key.",
  cloud_model_not_found: "The cloud provider does not know that model, or the endpoint URL is wrong.",
  cloud_rate_limited: "The cloud provider is limiting requests right now.",
  cloud_unreachable: "The cloud endpoint could not be reached.",
  secrets_insecure: "The file with the API key can be read by other users; Tandem will not use it.",
  context_unreadable: "Tandem could not read that file.",
  context_unsupported: "Tandem cannot read that kind of file. Use .txt, .md, .pdf, .docx or .eml.",
  context_empty: "That file or note has no text Tandem could use.",
  egress_blocked: "Not sent: private details were still in the request, so nothing left this device.",
  offline: "Offline mode is on: nothing was sent.",
  import_invalid: "Tandem could not import that file. Nothing was imported.",
  passphrase_required: "This export is encrypted: enter its passphrase.",
  passphrase_wrong: "That passphrase does not open this export.",
  file_error: "Tandem could not use that file or folder.",
  internal: "Something went wrong inside Tandem.",
};

export interface ErrorText {
  /** What happened, in the catalog's words (or the server's when the code has no entry). */
  summary: string;
  /** The server's own, more specific message; null when it adds nothing. */
  detail: string | null;
}

export function errorText(error: ErrorData): ErrorText {
  const summary = CATALOG[error.code];
  if (!summary) return { summary: error.message, detail: null };
  const detail = error.message.trim();
  return { summary, detail: detail && detail !== summary ? detail : null };
}
