import type Database from "better-sqlite3";
import type { ImportSummary } from "../contract/types";
import { isEmptyProfile } from "../context/Profile";
import { ProfileRepo } from "../context/ProfileRepo";
import type { ImportFile } from "./readImportFile";
import { ImportWriter } from "./ImportWriter";

/**
 * Merges a validated file into the database in ONE transaction: any failure rolls everything
 * back, so an import is all or nothing. Merge rules ("conflicts by id, the existing one wins"):
 * - a conversation or context item whose id is already here is kept as it is (skipped);
 * - the profile is imported only if this device's profile is empty;
 * - a setting is imported only if the user has not set it here.
 * Re-importing the same file therefore changes nothing.
 */
export function importIntoDatabase(db: Database.Database, file: ImportFile): ImportSummary {
  const writer = new ImportWriter(db);
  const profiles = new ProfileRepo(db);
  const run = db.transaction((): ImportSummary => {
    const summary = emptySummary(file.source);
    for (const conversation of file.data.conversations) {
      const messages = writer.conversation(conversation);
      if (messages === null) summary.conversationsSkipped += 1;
      else {
        summary.conversationsImported += 1;
        summary.messagesImported += messages;
      }
    }
    for (const item of file.data.context.items) {
      if (writer.contextItem(item)) summary.contextItemsImported += 1;
      else summary.contextItemsSkipped += 1;
    }
    for (const toggle of file.data.context.toggles) writer.toggle(toggle);
    const profile = file.data.context.profile;
    if (profile && !isEmptyProfile(profile) && isEmptyProfile(profiles.get())) {
      profiles.set(profile);
      summary.profileImported = true;
    }
    summary.settingsImported = writer.settings(file.data.settings);
    return summary;
  });
  return run.immediate();
}

function emptySummary(source: ImportSummary["source"]): ImportSummary {
  return {
    source,
    conversationsImported: 0,
    conversationsSkipped: 0,
    messagesImported: 0,
    contextItemsImported: 0,
    contextItemsSkipped: 0,
    profileImported: false,
    settingsImported: 0,
  };
}
