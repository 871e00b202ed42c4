import type Database from "better-sqlite3";
import type { AppSettings } from "../contract/types";

/** What every setting is until the user changes it (documented on AppSettings). */
export const DEFAULT_SETTINGS: Readonly<AppSettings> = Object.freeze({
  activeModelId: null,
  threads: null,
  contextSize: 4096,
  maxAnswerTokens: 1024,
  theme: "system",
  offline: false,
  hybridStrategy: "sketch-refine",
  thoroughModelCheck: true,
  locale: "en-US",
  cloudBaseUrl: null,
  cloudModel: null,
  alwaysLocalTopics: [],
});

type SettingKey = keyof AppSettings;
const KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

function isSettingKey(key: string): key is SettingKey {
  return (KEYS as string[]).includes(key);
}

/**
 * One row per setting the user changed, its value as JSON. Unknown keys (from a newer version)
 * are kept in the file but ignored; a value that cannot be read falls back to its default.
 */
export class SettingsRepo {
  private readonly allStmt;
  private readonly upsertStmt;
  private readonly updateTx;
  private readonly listeners = new Set<(settings: AppSettings) => void>();

  constructor(db: Database.Database) {
    this.allStmt = db.prepare<[], { key: string; value: string }>("SELECT key, value FROM settings");
    this.upsertStmt = db.prepare<[string, string]>(
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    this.updateTx = db.transaction((patch: Partial<AppSettings>) => {
      for (const [key, value] of Object.entries(patch)) {
        if (isSettingKey(key) && value !== undefined) this.upsertStmt.run(key, JSON.stringify(value));
      }
      return this.get();
    });
  }

  get(): AppSettings {
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const { key, value } of this.allStmt.all()) {
      if (isSettingKey(key)) settings[key] = parseOr(value, DEFAULT_SETTINGS[key]);
    }
    return settings as unknown as AppSettings;
  }

  /** Changes the given settings (keys left out or undefined keep their value) and returns all. */
  update(patch: Partial<AppSettings>): AppSettings {
    const settings = this.updateTx(patch);
    for (const listener of this.listeners) listener(settings);
    return settings;
  }

  /**
   * Calls `listener` with all settings after every `update` (committed), e.g. to start work a
   * new setting makes useful. It must not throw: the update has happened. Returns unsubscribe.
   */
  onChange(listener: (settings: AppSettings) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

function parseOr(json: string, fallback: unknown): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return fallback;
  }
}
