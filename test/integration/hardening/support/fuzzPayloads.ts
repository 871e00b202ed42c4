/**
 * fast-check arbitraries for hostile payloads: anything JSON (and beyond: undefined, NaN, -0,
 * sparse arrays, null-prototype objects), huge strings, deep nesting, prototype-pollution keys,
 * and objects shaped like a channel's request with every value wrong in some way.
 */
import fc from "fast-check";
import { CHANNELS, type Channel } from "../../../../app/contract/channels";

const POLLUTION_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** JSON.parse, not an object literal: only then is "__proto__" an own key, as from the wire. */
const pollution = fc
  .constantFrom(...POLLUTION_KEYS)
  .map((key) => JSON.parse(`{"${key}": {"polluted": true, "prototype": {"polluted": true}}}`) as unknown);

const hugeString = fc
  .constantFrom(250_000, 1_100_000, 5_000_001)
  .chain((n) => fc.constantFrom("a", "é", "😀", "\u0000", "\ud800").map((c) => c.repeat(Math.ceil(n / c.length))));

/** 200..5,000 levels of arrays or objects: deep enough to hurt a naive recursive validator. */
const deepNesting = fc.tuple(fc.integer({ min: 200, max: 5000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { id: value };
  return value;
});

const oddScalars = fc.constantFrom<unknown>(
  undefined,
  null,
  NaN,
  -0,
  Infinity,
  -Infinity,
  2 ** 53 + 1,
  -1,
  1e308,
  "",
  " ",
  "DELETE ",
  "\u202e",
  "%00",
  "../../etc/passwd",
  true,
  false,
  [],
  {},
);

const anything = fc.anything({
  withNullPrototype: true,
  withBigInt: false,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  maxDepth: 4,
});

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: anything },
  { weight: 3, arbitrary: oddScalars },
  { weight: 2, arbitrary: pollution },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deepNesting },
);

/** Without the multi-megabyte strings: over HTTP those only meet the body limit (tested on its own), and building them dominates the run. */
export const boundedValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: anything },
  { weight: 3, arbitrary: oddScalars },
  { weight: 2, arbitrary: pollution },
  { weight: 1, arbitrary: deepNesting },
);

/** The request's own keys, so fuzzing gets past "unknown key" into every field's checks. */
export function keysOf(channel: Channel): string[] {
  const schema = CHANNELS[channel].request as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

/** An object with (some of) the channel's keys holding hostile values, sometimes with pollution keys mixed in. */
export function shapedPayload(channel: Channel, values = hostileValue): fc.Arbitrary<unknown> {
  const keys = keysOf(channel);
  const fields = fc
    .subarray([...keys, ...POLLUTION_KEYS])
    .chain((chosen) => fc.tuple(...chosen.map((key) => values.map((value) => [key, value] as const))));
  return fields.map((pairs) => {
    const payload: Record<string, unknown> = {};
    for (const [key, value] of pairs)
      Object.defineProperty(payload, key, { value, enumerable: true, writable: true, configurable: true });
    return payload;
  });
}

/** Channel names a caller could send: real ones with odd spelling, Object.prototype members, garbage. */
export const unknownChannel: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "chat:Send",
    "chat:send ",
    " chat:send",
    "chat",
    ":",
    "",
    "chat:send\u0000",
    "data:wipe/../app:info",
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);
