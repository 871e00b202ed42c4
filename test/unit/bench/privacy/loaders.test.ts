import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPresidio } from "../../../../bench/privacy/loadPresidio";
import { loadPupa } from "../../../../bench/privacy/loadPupa";

// Invented rows in the two files' formats; the real files are read only by the benchmark.
const dir = mkdtempSync(join(tmpdir(), "tandem-bench-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadPupa", () => {
  const header = "conversation_hash,predicted_category,user_query,target_response,pii_units,redacted_query";
  const file = join(dir, "pupa.csv");
  writeFileSync(
    file,
    `${header}\nh1,healthcare information,"Dear Dr. Roe,\nmy ""results""",ok,roe||dr. roe||,x\nh2,financial and corporate info,plain,ok,acme,x\n`,
  );

  it("reads rows with multi-line quoted queries and their non-empty units", () => {
    const rows = loadPupa(file);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ row: 0, category: "healthcare information", query: 'Dear Dr. Roe,\nmy "results"' });
    expect(rows[0]?.units.map((u) => u.text)).toEqual(["roe", "dr. roe"]);
  });

  it("applies --limit", () => {
    expect(loadPupa(file, 1)).toHaveLength(1);
  });
});

describe("loadPresidio", () => {
  const file = join(dir, "presidio.json");
  const text = "Call Jo Park at 555-0100";
  writeFileSync(
    file,
    JSON.stringify([
      {
        full_text: text,
        masked: "",
        spans: [{ entity_type: "PERSON", entity_value: "Jo Park", start_position: 5, end_position: 12 }],
        template_id: 1,
        metadata: null,
      },
      { full_text: "nothing here", masked: "", spans: [], template_id: 2, metadata: null },
    ]),
  );

  it("reads samples with gold spans in character offsets (end exclusive)", () => {
    const [first, second] = loadPresidio(file);
    expect(first?.spans).toEqual([{ type: "PERSON", start: 5, end: 12, value: "Jo Park" }]);
    expect(text.slice(5, 12)).toBe("Jo Park");
    expect(second?.spans).toEqual([]);
  });

  it("rejects a file that is not in the expected format", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify([{ text: "no full_text" }]));
    expect(() => loadPresidio(bad)).toThrow();
  });
});
