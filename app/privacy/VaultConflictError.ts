/**
 * Another writer saved the conversation's vault after this one was loaded (VaultStore.save).
 * Expected, not a bug: the caller reloads the vault and sanitizes again, so every placeholder
 * that leaves stands for one value in the whole conversation. Carries the id only, never values.
 */
export class VaultConflictError extends Error {
  override readonly name = "VaultConflictError";

  constructor(readonly conversationId: string) {
    super("The conversation's vault was saved by another writer since it was loaded; reload it and sanitize again.");
  }
}
