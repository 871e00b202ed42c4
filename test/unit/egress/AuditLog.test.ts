import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuditLog } from "../../../app/egress/AuditLog";
import { MIGRATIONS } from "../../../app/store/migrations";

describe("AuditLog (the privacy log)", () => {
  let db: Database.Database;
  let audit: AuditLog;

  beforeEach(() => {
    db = new Database(":memory:");
    for (const m of MIGRATIONS) db.exec(m.sql);
    audit = new AuditLog(db);
  });
  afterEach(() => db.close());

  const entry = (conversationId: string | null, at: number, payload = "{}") => ({
    conversationId,
    messageId: null,
    at,
    endpoint: "http://127.0.0.1:9/v1",
    model: "m",
    payload,
    check: "{}",
  });

  it("stores each request with its size in UTF-8 bytes and a fresh id", () => {
    const a = audit.record(entry("c1", 1, '{"t":"Grüße"}'));
    const b = audit.record(entry("c1", 2));
    expect(a.bytes).toBe(15); // 13 characters, two of them 2 bytes in UTF-8
    expect(a.id).not.toBe(b.id);
    expect(audit.list()).toEqual([b, a]);
    expect(audit.count()).toBe(2);
  });

  it("names the kind of rows written before kinds were recorded, from their body and model, even with an unreadable check", () => {
    const legacy = (id: string, model: string, payload: string, check: string) =>
      db
        .prepare(
          `INSERT INTO egress_log (id, conversation_id, message_id, at, endpoint, model, payload, bytes, "check")
           VALUES (?, NULL, NULL, ?, 'http://127.0.0.1:9/v1', ?, ?, 0, ?)`,
        )
        .run(id, Number(id), model, payload, check);
    legacy("1", "m", '{"messages":[{"role":"user","content":"[PERSON_1]"}]}', "{}");
    legacy("2", "model download", "", "not json");
    legacy("3", "model header (fit check)", "", "{}");
    legacy("4", "m", '{"messages":[]}', "");
    legacy("5", "m", "{}", '{"kind":"chat"}');
    expect(audit.list().map((r) => [r.id, r.kind])).toEqual([
      ["5", "chat"],
      ["4", "connection-test"],
      ["3", "header-check"],
      ["2", "download"],
      ["1", "chat"],
    ]);
  });

  it("keeps a given id", () => {
    expect(audit.record({ ...entry("c1", 1), id: "fixed" }).id).toBe("fixed");
  });

  it("lists newest first, and in insertion order's reverse when the time is the same", () => {
    const first = audit.record(entry("c1", 5));
    const second = audit.record(entry("c1", 5));
    const older = audit.record(entry("c1", 1));
    expect(audit.list().map((r) => r.id)).toEqual([second.id, first.id, older.id]);
  });

  it("lists one conversation's rows only when asked, and at most `limit` rows", () => {
    for (let i = 0; i < 3; i++) audit.record(entry("c1", i));
    const other = audit.record(entry("c2", 10));
    expect(audit.list({ conversationId: "c2" })).toEqual([other]);
    expect(audit.list({ conversationId: "c1" })).toHaveLength(3);
    expect(audit.list({ limit: 2 }).map((r) => r.at)).toEqual([10, 2]);
    expect(audit.list({ conversationId: "c1", limit: 1 }).map((r) => r.at)).toEqual([2]);
  });

  it("shows at most 100 rows unless asked for more", () => {
    for (let i = 0; i < 105; i++) audit.record(entry(null, i));
    expect(audit.list()).toHaveLength(100);
    expect(audit.list({ limit: 105 })).toHaveLength(105);
  });
});
