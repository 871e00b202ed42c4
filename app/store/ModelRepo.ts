import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { ModelInfo } from "../contract/types";

export type ModelInput = Omit<ModelInfo, "id" | "addedAt">;

/** GGUF facts read from the file header; kept as JSON because they grow with new architectures. */
interface ModelMeta {
  architecture: string | null;
  parameterCount: number | null;
  quantization: string | null;
  contextLength: number | null;
  hasChatTemplate: boolean;
}

interface ModelRow {
  id: string;
  name: string;
  path: string;
  size: number;
  meta: string;
  added_at: number;
}

const COLUMNS = "id, name, path, size, meta, added_at";

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
  };
}

function toMeta(input: ModelInput): string {
  const { architecture, parameterCount, quantization, contextLength, hasChatTemplate } = input;
  return JSON.stringify({ architecture, parameterCount, quantization, contextLength, hasChatTemplate } satisfies ModelMeta);
}

export class ModelRepo {
  private readonly upsertStmt;
  private readonly listStmt;
  private readonly getStmt;
  private readonly deleteStmt;
  private readonly clearActiveStmt;
  private readonly removeTx;

  constructor(db: Database.Database) {
    // Adding the same file again refreshes what we know about it but keeps its id, so the
    // active-model setting and messages' model ids stay valid.
    this.upsertStmt = db.prepare<[string, string, string, number, string, number], ModelRow>(
      `INSERT INTO models (id, name, path, size, meta, added_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (path) DO UPDATE SET name = excluded.name, size = excluded.size, meta = excluded.meta
       RETURNING ${COLUMNS}`,
    );
    this.listStmt = db.prepare<[], ModelRow>(`SELECT ${COLUMNS} FROM models ORDER BY added_at, rowid`);
    this.getStmt = db.prepare<[string], ModelRow>(`SELECT ${COLUMNS} FROM models WHERE id = ?`);
    this.deleteStmt = db.prepare<[string]>("DELETE FROM models WHERE id = ?");
    this.clearActiveStmt = db.prepare<[string]>("DELETE FROM settings WHERE key = 'activeModelId' AND value = json_quote(?)");
    this.removeTx = db.transaction((id: string) => {
      const removed = this.deleteStmt.run(id).changes > 0;
      if (removed) this.clearActiveStmt.run(id);
      return removed;
    });
  }

  /** Records a model file; the same path again updates and returns the existing entry. */
  add(input: ModelInput): ModelInfo {
    return toModelInfo(this.upsertStmt.get(randomUUID(), input.name, input.path, input.sizeBytes, toMeta(input), Date.now())!);
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
