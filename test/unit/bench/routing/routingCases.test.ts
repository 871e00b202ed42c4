import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { presidioCases, pupaCases } from "../../../../bench/routing/routingCases";

const dir = mkdtempSync(join(tmpdir(), "routing-cases-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** bench:routing's PUPA and Presidio readers: one message per record, its items what must not leave. */
describe("routing cases from PUPA and Presidio files", () => {
  it("reads each PUPA row as one English message without context, its units as items, WildChat's placeholders left out", () => {
    const path = join(dir, "pupa.csv");
    writeFileSync(
      path,
      [
        "conversation_hash,predicted_category,user_query,target_response,pii_units,redacted_query",
        'h1,job,"Write to Jane Roe at Acme Corp, <PRESIDIO_ANONYMIZED_PERSON> asked.",ok,jane roe||acme corp||presidio_anonymized_person,x',
        "h2,job,Summarise the report.,ok,,x",
      ].join("\n"),
    );
    const cases = pupaCases(path);
    expect(cases).toHaveLength(2);
    expect(cases[0]).toMatchObject({
      id: "pupa-0",
      index: 0,
      locale: "en-US",
      profile: "",
      context: "",
      realData: true,
      private: [
        { text: "jane roe", type: "multi_word" },
        { text: "acme corp", type: "multi_word" },
      ],
    });
    expect(cases[1]).toMatchObject({ index: 1, private: [] });
    // PUPA annotates no public phrases: retention is not measured there.
    expect(cases[0]?.public).toEqual([]);
  });

  it("reads each Presidio sample as one message, with the gold spans of the types the engine covers as items", () => {
    const path = join(dir, "presidio.json");
    const text = "Call Jane Roe on Monday, the Manager.";
    writeFileSync(
      path,
      JSON.stringify([
        {
          full_text: text,
          spans: [
            { entity_type: "PERSON", entity_value: "Jane Roe", start_position: 5, end_position: 13 },
            { entity_type: "DATE_TIME", entity_value: "Monday", start_position: 17, end_position: 23 },
            { entity_type: "TITLE", entity_value: "Manager", start_position: 29, end_position: 36 },
          ],
        },
      ]),
    );
    expect(presidioCases(path)).toEqual([
      {
        id: "presidio-0",
        index: 0,
        locale: "en-US",
        profile: "",
        context: "",
        instruction: text,
        private: [{ text: "Jane Roe", type: "PERSON" }],
        public: [],
        realData: false,
      },
    ]);
  });
});
