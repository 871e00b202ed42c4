import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { AuditLog, EgressGate, isAppText } from "../../../../app/egress";
import {
  CLOUD_SYSTEM,
  OUTLINE_SYSTEM,
  REFINE_REQUEST,
  REFINE_SYSTEM,
} from "../../../../app/pipeline/hybrid/hybridPrompts";
import { MIGRATIONS } from "../../../../app/store/migrations";

describe("the constant texts sent to the cloud", () => {
  const db = new Database(":memory:");
  for (const m of MIGRATIONS) db.exec(m.sql);
  afterAll(() => db.close());

  it.each([["en-US"], ["de-DE"], ["fr-FR"]])("pass the egress gate's re-scan with nothing found (%s)", (locale) => {
    const gate = new EgressGate({ audit: new AuditLog(db), isOffline: () => false, detectOptions: { locale } });
    const messages = [REFINE_SYSTEM, REFINE_REQUEST, OUTLINE_SYSTEM, CLOUD_SYSTEM].map((content) => ({
      role: "system" as const,
      content,
    }));
    expect(gate.check({ conversationId: null, messageId: null, endpoint: "x", model: "m", messages }, null)).toEqual({
      clean: true,
      found: [],
    });
  });

  it("are exactly the texts the gate accepts as the app's own, and nothing built from them is", () => {
    for (const text of [REFINE_SYSTEM, REFINE_REQUEST, OUTLINE_SYSTEM, CLOUD_SYSTEM])
      expect(isAppText(text)).toBe(true);
    expect(isAppText(`${REFINE_SYSTEM} `)).toBe(false);
    expect(isAppText(REFINE_SYSTEM.replace("drafts", "letters"))).toBe(false);
  });

  it("name no example placeholder a model could copy into its answer", () => {
    for (const text of [REFINE_SYSTEM, REFINE_REQUEST, OUTLINE_SYSTEM, CLOUD_SYSTEM])
      expect(text).not.toMatch(/\[[A-Z_]+_?\d*\]/);
  });
});
