import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../../../../bench/privacy/parseBenchArgs";

describe("parseBenchArgs", () => {
  it("defaults to all datasets, text output, NLP on and three throughput passes", () => {
    expect(parseBenchArgs([])).toEqual({
      data: undefined,
      format: undefined,
      json: false,
      markdown: false,
      nlp: true,
      limit: undefined,
      showLeaks: false,
      passes: 3,
    });
  });

  it("reads --data, --format, --json, --no-nlp and --limit", () => {
    expect(
      parseBenchArgs(["--data", "x.csv", "--format", "pupa", "--json", "--no-nlp", "--limit", "20"]),
    ).toMatchObject({
      data: "x.csv",
      format: "pupa",
      json: true,
      nlp: false,
      limit: 20,
    });
  });

  it("infers the format from the file extension", () => {
    expect(parseBenchArgs(["--data", "s.jsonl"]).format).toBe("scenarios");
    expect(parseBenchArgs(["--data", "p.json"]).format).toBe("presidio");
  });

  it("rejects an unknown format, a bad limit and --format without --data", () => {
    expect(() => parseBenchArgs(["--data", "a.txt", "--format", "xml"])).toThrow(/--format must be one of/);
    expect(() => parseBenchArgs(["--limit", "0"])).toThrow(/--limit must be a positive integer/);
    expect(() => parseBenchArgs(["--format", "pupa"])).toThrow(/needs --data/);
    expect(() => parseBenchArgs(["--data", "a.txt"])).toThrow(/Cannot tell the format/);
  });
});
