import { describe, expect, it } from "vitest";
import { CHANNEL_NAMES, CHANNELS, isChannel, parseRequest } from "../../../app/contract/channels";

describe("every contract channel's request schema", () => {
  it.each(CHANNEL_NAMES)("%s refuses unknown keys, prototype-pollution keys and non-objects", (channel) => {
    for (const payload of [
      { unexpected: 1 },
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { constructor: "x" },
      null,
      "text",
      42,
      [],
    ]) {
      const result = parseRequest(channel, payload);
      expect(result.ok, JSON.stringify(payload)).toBe(false);
      expect(!result.ok && result.error.code).toBe("invalid_request");
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("is a strict object schema for every channel, so no field reaches the core unchecked", () => {
    const loose = CHANNEL_NAMES.filter((c) => {
      const def = (CHANNELS[c].request as unknown as { def: { type: string; catchall?: { def: { type: string } } } })
        .def;
      return def.type !== "object" || def.catchall?.def.type !== "never";
    });
    expect(loose).toEqual([]);
  });

  it("knows only its own channels, not Object.prototype's members", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])
      expect(isChannel(name)).toBe(false);
  });
});
