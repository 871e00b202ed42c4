import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { ModelInfo, ModelSettings } from "../contract/types";

/** What to record; `source` defaults to "file", `sha256` to null, settings to the defaults. */
export type ModelInput = Omit<ModelInfo, "id" | "addedAt" | "source" | "sha256" | "settings"> & {
  source?: string;
  sha256?: string | null;
};

export const DEFAULT_MODEL_SETTINGS: Readonly<ModelSettings> = Object.freeze({
  contextSize: null,
  gpuLayers: "auto",
  threads: null,
});

/** GGUF facts read from the file header; kept as JSON because they grow with new architectures. */
interface ModelMeta {
  architecture: string | null;
  parameterCount: number | null;
  quantization: string | null;
  contextLength: number | null;
  hasChatTemplate: boolean;
  /** Per-model settings (models:update); kept in meta so no migration is needed for new ones. */
  settings?: Partial<ModelSettings>;
}

interface ModelRow {
  id: string;
  name: string;
  path: string;
  source: string;
  sha256: string | null;
  size: number;
  meta: string;
  added_at: number;
}

const COLUMNS = "id, name, path, source, sha256, size, meta, added_at";

function toModelInfo(row: ModelRow): ModelInfo {
  const meta = JSON.parse(row.meta) as Partial<ModelMeta>;
  return {
    id: row.id,
    name: row.name,
    path: row.path,
    sizeBytes: row.size,
    architecture: meta.architecture ?? null,
    parameterCount: meta.parameterCount ?? null,
    quantization: meta.quantization ?? null,
    contextLength: meta.contextLength ?? null,
    hasChatTemplate: meta.hasChatTemplate ?? false,
    addedAt: row.added_at,
    source: row.source,
    sha256: row.sha256,
    settings: { ...DEFAULT_MODEL_SETTINGS, ...meta.settings },
  };
}

function toMeta(input: ModelInput): string {
  const { architecture, parameterCount, quantization, contextLength, hasChatTemplate } = input;
  return JSON.stringify({
    architecture,
    parameterCount,
    quantization,
    contextLength,
    hasChatTemplate,
  } satisfies ModelMeta);
}

export class ModelRepo {
  private readonly upsertStmt;
  private readonly settingsStmt;
  private readonly listStmt;
  private readonly getStmt;
  private readonly deleteStmt;
  private readonly clearActiveStmt;
  private readonly removeTx;

  constructor(db: Database.Database) {
    // Adding the same file again refreshes what we know about it but keeps its id, so the
    // active-model setting and messages' model ids stay valid.
    // The user's per-model settings survive re-adding the same file (json_set keeps them in meta).
    this.upsertStmt = db.prepare<[string, string, string, string, string | null, number, string, number], ModelRow>(
      `INSERT INTO models (id, name, path, source, sha256, size, meta, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (path) DO UPDATE SET name = excluded.name, size = excluded.size, source = excluded.source,
         sha256 = COALESCE(excluded.sha256, CASE WHEN models.size = excluded.size THEN models.sha256 END),
         meta = CASE WHEN json_extract(models.meta, '$.settings') IS NULL THEN excluded.meta
                ELSE json_set(excluded.meta, '$.settings', json_extract(models.meta, '$.settings')) END
       RETURNING ${COLUMNS}`,
    );
    this.settingsStmt = db.prepare<[string, string], ModelRow>(
      `UPDATE models SET meta = json_set(meta, '$.settings', json(?)) WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.listStmt = db.prepare<[], ModelRow>(`SELECT ${COLUMNS} FROM models ORDER BY added_at, rowid`);
    this.getStmt = db.prepare<[string], ModelRow>(`SELECT ${COLUMNS} FROM models WHERE id = ?`);
    this.deleteStmt = db.prepare<[string]>("DELETE FROM models WHERE id = ?");
    this.clearActiveStmt = db.prepare<[string]>(
      "DELETE FROM settings WHERE key = 'activeModelId' AND value = json_quote(?)",
    );
    this.removeTx = db.transaction((id: string) => {
      const removed = this.deleteStmt.run(id).changes > 0;
      if (removed) this.clearActiveStmt.run(id);
      return removed;
    });
  }

  /** Records a model file; the same path again updates and returns the existing entry. */
  add(input: ModelInput): ModelInfo {
    const row = this.upsertStmt.get(
      randomUUID(),
      input.name,
      input.path,
      input.source ?? "file",
      input.sha256 ?? null,
      input.sizeBytes,
      toMeta(input),
      Date.now(),
    );
    return toModelInfo(row!);
  }

  /** Changes a model's load settings (keys left out keep their value); null if there is no such model. */
  updateSettings(id: string, patch: Partial<ModelSettings>): ModelInfo | null {
    const current = this.get(id);
    if (!current) return null;
    const settings: ModelSettings = { ...current.settings };
    for (const [key, value] of Object.entries(patch))
      if (value !== undefined) Object.assign(settings, { [key]: value });
    return toModelInfo(this.settingsStmt.get(JSON.stringify(settings), id)!);
  }

  /** Every model, in the order they were added. */
  list(): ModelInfo[] {
    return this.listStmt.all().map(toModelInfo);
  }

  get(id: string): ModelInfo | null {
    const row = this.getStmt.get(id);
    return row ? toModelInfo(row) : null;
  }

  /**
   * Forgets a model (the file itself is not touched). If it was the active model, the setting
   * goes back to "none" rather than pointing at nothing. False if there was no such model.
   */
  remove(id: string): boolean {
    return this.removeTx(id);
  }
}
