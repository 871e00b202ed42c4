import type Database from "better-sqlite3";
import { EMPTY_PROFILE, parseProfile, type Profile } from "./Profile";

/** The single-row profile table. Reads never fail on an old or hand-edited row: bad data reads as empty. */
export class ProfileRepo {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Database.Database) {
    this.getStmt = db.prepare<[], { data: string }>("SELECT data FROM profile WHERE id = 1");
    this.setStmt = db.prepare<[string, number]>(
      "INSERT INTO profile (id, data, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
    );
  }

  /** The stored profile, or an empty one. */
  get(): Profile {
    const row = this.getStmt.get();
    if (!row) return structuredClone(EMPTY_PROFILE);
    try {
      return parseProfile(JSON.parse(row.data));
    } catch {
      return structuredClone(EMPTY_PROFILE);
    }
  }

  /** Replaces the whole profile (validated; missing fields become empty). Returns what was stored. */
  set(data: unknown): Profile {
    const profile = parseProfile(data);
    this.setStmt.run(JSON.stringify(profile), Date.now());
    return profile;
  }
}
