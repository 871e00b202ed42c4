import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatContextForPrompt } from "../../../app/context/formatContextForPrompt";
import { useContextStore } from "./contextStore";
import { addHouseholdDocs } from "./fixtures/householdDocs";

describe("which items a conversation may use", () => {
  const open = useContextStore();

  it("never returns an item turned off for the conversation, even when it is the best match", () => {
    const { store, context } = open({ targetTokens: 40 });
    const [a, b] = [store.conversations.create(), store.conversations.create()];
    const { household, lease } = addHouseholdDocs(context);
    context.items.setEnabled(a.id, household.id, false);
    const inA = context.retrieveContext({
      conversationId: a.id,
      query: "wifi password spare key rent",
      budgetTokens: 100_000,
      maxPassages: 100,
    });
    expect(inA.items.map((i) => i.itemId)).toEqual([lease.id]);
    expect(formatContextForPrompt(inA.profile, inA)).not.toContain("bluebird");
    // Only conversation A is affected; turning it back on restores it.
    expect(
      context.retrieveContext({ conversationId: b.id, query: "wifi password", budgetTokens: 1000 }).items[0]?.itemId,
    ).toBe(household.id);
    context.items.setEnabled(a.id, household.id, true);
    expect(
      context.retrieveContext({ conversationId: a.id, query: "wifi password", budgetTokens: 1000 }).items[0]?.itemId,
    ).toBe(household.id);
  });

  it("keeps a conversation's own item out of other conversations unless attached there", () => {
    const { store, context } = open();
    const [a, b] = [store.conversations.create(), store.conversations.create()];
    const secret = context.items.add({
      title: "Surprise",
      text: "The surprise party is at Luigi's on Saturday.",
      conversationId: a.id,
    });
    const ask = (conversationId: string | null) =>
      context
        .retrieveContext({ conversationId, query: "surprise party", budgetTokens: 1000 })
        .items.map((i) => i.itemId);
    expect(ask(a.id)).toEqual([secret.id]);
    expect(ask(b.id)).toEqual([]);
    expect(ask(null)).toEqual([]);
    context.items.setEnabled(b.id, secret.id, true);
    expect(ask(b.id)).toEqual([secret.id]);
    context.items.setEnabled(a.id, secret.id, false);
    expect(ask(a.id)).toEqual([]);
  });

  it("never retrieves an item that is off, for any mix of scopes and toggles (property)", () => {
    const { store, context } = open({ targetTokens: 30 });
    const conversations = [store.conversations.create().id, store.conversations.create().id];
    const scopes = fc.constantFrom<null | 0 | 1>(null, 0, 1);
    const toggle = fc.constantFrom<null | boolean>(null, true, false);
    const item = fc.record({ scope: scopes, toggles: fc.tuple(toggle, toggle) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), fc.constantFrom(0, 1), (specs, asked) => {
        store.db.exec("DELETE FROM context_items");
        const expected = new Set<string>();
        specs.forEach((spec, i) => {
          const conversationId = spec.scope === null ? null : conversations[spec.scope]!;
          const added = context.items.add({
            title: `Item ${i}`,
            text: `Zebra note number ${i} about zebras.`,
            conversationId,
          });
          spec.toggles.forEach((on, c) => on !== null && context.items.setEnabled(conversations[c]!, added.id, on));
          const explicit = spec.toggles[asked];
          const on = explicit ?? (spec.scope === null || spec.scope === asked);
          if (on) expected.add(added.id);
        });
        const got = context.retrieveContext({
          conversationId: conversations[asked]!,
          query: "zebra",
          budgetTokens: 100_000,
          maxPassages: 100,
        });
        expect(new Set(got.items.map((i) => i.itemId))).toEqual(expected);
        expect(
          new Set(
            context.items
              .listForConversation(conversations[asked]!)
              .filter((i) => i.enabled)
              .map((i) => i.id),
          ),
        ).toEqual(expected);
        const terms = context.contextTermsFor(conversations[asked]!);
        expect(terms.texts.filter((t) => t.includes("Zebra"))).toHaveLength(expected.size);
      }),
      { numRuns: 60 },
    );
  });
});

describe("hostile search text", () => {
  const open = useContextStore();
  const HOSTILE = [
    '"',
    '""',
    "'",
    "AND",
    "OR NOT",
    "NOT wifi",
    "NEAR(wifi password, 2)",
    "*",
    "wifi*",
    "^wifi",
    "-wifi",
    "+wifi",
    "text:wifi",
    "{text}: wifi",
    "(((",
    ")))",
    'wifi" OR "x',
    "'; DROP TABLE context_items; --",
    "\u0000wifi",
    "🙂🙂",
    "—",
    "a".repeat(10_000),
    "wifi ".repeat(500),
    "\\",
    "%_",
    "wifi\npassword\r\n",
    "ﬁ ligature",
  ];

  it.each(HOSTILE.map((q) => [JSON.stringify(q).slice(0, 40), q]))(
    "treats %s as plain words, never as FTS syntax",
    (_, query) => {
      const { context } = open();
      addHouseholdDocs(context);
      const result = context.retrieveContext({ conversationId: null, query, budgetTokens: 1000 });
      if (/wifi/i.test(query)) expect(result.items[0]?.passages[0]?.text).toContain("bluebird-42");
      expect(context.items.list()).toHaveLength(4);
    },
  );

  it("never throws on any string (property)", () => {
    const { context } = open();
    addHouseholdDocs(context);
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (query) => {
        context.retrieveContext({ conversationId: null, query, budgetTokens: 500 });
      }),
      { numRuns: 300 },
    );
  });
});
