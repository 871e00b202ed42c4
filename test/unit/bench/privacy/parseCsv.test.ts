import { describe, expect, it } from "vitest";
import { csvRecords, parseCsv } from "../../../../bench/privacy/parseCsv";

describe("parseCsv", () => {
  it("splits plain fields and records on LF and CRLF", () => {
    expect(parseCsv("a,b\r\nc,d\ne,f")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
  });

  it("keeps commas, line breaks and doubled quotes inside quoted fields", () => {
    expect(parseCsv('id,text\n1,"Hello, ""world""\nsecond line"\n')).toEqual([
      ["id", "text"],
      ["1", 'Hello, "world"\nsecond line'],
    ]);
  });

  it("does not add an empty record for a trailing line break", () => {
    expect(parseCsv("a,b\n")).toEqual([["a", "b"]]);
  });

  it("keeps empty fields, including a quoted empty field at the end", () => {
    expect(parseCsv('a,,""\n')).toEqual([["a", "", ""]]);
  });

  it("rejects an unterminated quoted field with its offset", () => {
    expect(() => parseCsv('a,"open\n')).toThrow(/unterminated quoted field starting at offset 2/);
  });
});

describe("csvRecords", () => {
  it("keys records by the header row", () => {
    expect(csvRecords('x,y\n1,"two, three"\n')).toEqual([{ x: "1", y: "two, three" }]);
  });

  it("rejects a record with the wrong number of fields", () => {
    expect(() => csvRecords("x,y\n1\n")).toThrow(/record 0 has 1 fields, the header has 2/);
  });
});
