import { describe, expect, it } from "vitest";
import { SseParser } from "../../../../renderer/src/api/SseParser";

describe("SseParser", () => {
  it("returns each event's data once its blank line arrives", () => {
    const parser = new SseParser();
    expect(parser.feed('data: {"a":1}\n')).toEqual([]);
    expect(parser.feed("\n")).toEqual(['{"a":1}']);
  });

  it("reassembles lines split anywhere across chunks, including inside a CRLF", () => {
    const stream = 'data: {"type":"message:token","text":"hé"}\r\n\r\ndata: second\r\n\r\n';
    for (let cut = 1; cut < stream.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.feed(stream.slice(0, cut)), ...parser.feed(stream.slice(cut))];
      expect(events, `cut at ${cut}`).toEqual(['{"type":"message:token","text":"hé"}', "second"]);
    }
  });

  it("ignores comments such as keep-alive pings and fields other than data", () => {
    const parser = new SseParser();
    expect(parser.feed(": connected\n\n: ping\n\nevent: x\nid: 7\nretry: 10\ndata: kept\n\n")).toEqual(["kept"]);
  });

  it("joins multi-line data with newlines and strips only one leading space", () => {
    const parser = new SseParser();
    expect(parser.feed("data: one\ndata:  two\ndata:three\n\n")).toEqual(["one\n two\nthree"]);
  });

  it("delivers several events that arrive in one chunk, in order", () => {
    const parser = new SseParser();
    expect(parser.feed("data: 1\n\ndata: 2\n\ndata: 3\n\n")).toEqual(["1", "2", "3"]);
  });
});
