import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AuditLog, EgressGate } from "../../../app/egress";
import type { FrozenRequest } from "../../../app/egress/GatedRequest";
import { detect, preparePrivacyEngine, PrivacyVault, sanitize } from "../../../app/privacy";
import { detectSteps } from "../../../app/privacy/detect";
import { loadTagger } from "../../../app/privacy/names/winkTagger";
import { RecentNames } from "../../../app/privacy/recentNames";
import type { Span } from "../../../app/privacy/recognizers/Recognizer";
import { MIGRATIONS } from "../../../app/store/migrations";
import { parseScenarios, scenarioLocale, scenarioParts } from "../../../bench/privacy/scenarioSchema";

const SCENARIOS = parseScenarios(
  readFileSync(new URL("../../fixtures/privacy/scenarios.jsonl", import.meta.url), "utf8"),
);

const OPTIONS = { locale: "en-US" };
const TEXT = [
  "My landlord Peter Okonkwo refuses to fix the heating, so I wrote to Gary Thompson at the council.",
  "Lily was five months old when we moved from Leeds to Bristol.",
  "Please draft a short, polite reminder that cites the tenancy agreement.",
].join("\n\n");

describe("the egress gate's re-scan reuses the names step's results for paragraphs sanitize just scanned (speed, issue #13)", () => {
  const db = new Database(":memory:");
  for (const m of MIGRATIONS) db.exec(m.sql);
  afterAll(() => db.close());
  // Word lists and the tagger model load once (seconds on a busy machine), outside the tests' time limit.
  beforeAll(() => preparePrivacyEngine(), 60_000);
  afterEach(() => vi.restoreAllMocks());

  const gate = new EgressGate({ audit: new AuditLog(db), isOffline: () => false, detectOptions: OPTIONS });
  const request = (vault: PrivacyVault, content: string): FrozenRequest => ({
    conversationId: vault.conversationId,
    messageId: null,
    endpoint: "x",
    model: "m",
    messages: [{ role: "user", content }],
  });

  it("passes a sanitized request without running the names step's tagger again", () => {
    const vault = new PrivacyVault("tags");
    const sanitized = sanitize(TEXT, vault, OPTIONS).text;
    const readDoc = vi.spyOn(loadTagger(), "readDoc");
    expect(gate.check(request(vault, sanitized), vault)).toEqual({ clean: true, found: [] });
    expect(readDoc).not.toHaveBeenCalled();
  });

  it("still blocks a name the sanitizer never saw, tagging the changed paragraph afresh", () => {
    const vault = new PrivacyVault("tags");
    const sanitized = sanitize(TEXT, vault, OPTIONS).text;
    // "Rindy": a name only the tagger finds (no list knows it), in a paragraph the sanitizer saw without it.
    const changed = sanitized.replace("Please draft a short", "Please ask Rindy to draft a short");
    const readDoc = vi.spyOn(loadTagger(), "readDoc");
    const found = gate.check(request(vault, changed), vault).found;
    expect(found).toEqual([{ type: "PERSON", count: 1 }]);
    // Only the changed paragraph went through the names step again.
    expect(readDoc).toHaveBeenCalledTimes(1);
    // Exactly what a scan that keeps no tags at all finds.
    const fresh = detectSteps(changed, vault, OPTIONS, { structured: true, nlp: true });
    expect(fresh.map((d) => d.type)).toEqual(["PERSON"]);
  });

  it("finds in every scenario's sanitized parts, as sent or changed, exactly what a scan keeping nothing finds", () => {
    for (const scenario of SCENARIOS) {
      const options = { locale: scenarioLocale(scenario) };
      const vault = new PrivacyVault(`recent-${scenario.id}`);
      for (const part of scenarioParts(scenario)) {
        const sent = sanitize(part, vault, options).text;
        for (const text of [sent, `${sent} Rindy Quastorf called.`, `Ask Rindy.\n\n${sent}`]) {
          const fresh = detectSteps(text, vault, options, { structured: true, nlp: true });
          expect({ id: scenario.id, found: detect(text, vault, options) }).toEqual({ id: scenario.id, found: fresh });
        }
      }
    }
  }, 60_000);

  it("keeps at most 128 K characters of paragraphs per vault, dropping the least recently used first", () => {
    const recent = new RecentNames();
    const none: Span[] = [];
    const a = "a".repeat(60 * 1024);
    const b = "b".repeat(60 * 1024);
    recent.set(a, none);
    recent.set(b, none);
    expect(recent.get(a)).toBe(none); // a is now the most recently used
    recent.set("c".repeat(20 * 1024), none);
    expect(recent.get(b)).toBeUndefined();
    expect(recent.get(a)).toBe(none);
    // A paragraph longer than the whole budget is not kept.
    recent.set("d".repeat(129 * 1024), none);
    expect(recent.get("d".repeat(129 * 1024))).toBeUndefined();
  });
});
