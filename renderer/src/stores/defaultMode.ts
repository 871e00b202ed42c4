import type { CloudStatus, PrivacyMode } from "../../../app/contract/types";

/** A new conversation's mode until the user picks one: Auto once a cloud model is set up (issue #16), else Private. */
export function defaultMode(status: CloudStatus | null): PrivacyMode {
  return status?.configured ? "auto" : "private";
}
