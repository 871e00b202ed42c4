import { describe, expect, it } from "vitest";
import { TandemError } from "../../../app/contract/errors";
import { EMPTY_PROFILE, parseProfile } from "../../../app/context/Profile";
import { useContextStore } from "./contextStore";

describe("the profile", () => {
  const open = useContextStore();

  it("is empty until set, then reads back exactly what was stored", () => {
    const { context } = open();
    expect(context.profile.get()).toEqual(EMPTY_PROFILE);
    const stored = context.profile.set({
      name: " Ada Brennan ",
      family: ["Lily (daughter)", { name: "Tom", relation: "husband" }],
      alwaysPrivate: ["Heron"],
    });
    expect(stored).toEqual({
      ...EMPTY_PROFILE,
      name: "Ada Brennan",
      family: [
        { name: "Lily", relation: "daughter" },
        { name: "Tom", relation: "husband" },
      ],
      alwaysPrivate: ["Heron"],
    });
    expect(context.profile.get()).toEqual(stored);
  });

  it("replaces the whole profile on set (fields left out become empty)", () => {
    const { context } = open();
    context.profile.set({ name: "Ada", city: "Edinburgh" });
    expect(context.profile.set({ city: "Oslo" })).toEqual({ ...EMPTY_PROFILE, city: "Oslo" });
  });

  it("refuses invalid data with a message naming the field, and keeps the stored profile", () => {
    const { context } = open();
    context.profile.set({ name: "Ada" });
    let error: unknown;
    try {
      context.profile.set({ name: "Ada", family: [42] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TandemError);
    expect((error as TandemError).code).toBe("invalid_request");
    expect((error as TandemError).message).toContain('"family.0"');
    expect(context.profile.get().name).toBe("Ada");
    expect(() => parseProfile("just a string")).toThrow(TandemError);
  });

  it("reads a damaged stored row as an empty profile instead of failing", () => {
    const { store, context } = open();
    store.db.prepare("INSERT INTO profile (id, data, updated_at) VALUES (1, '{not json', 0)").run();
    expect(context.profile.get()).toEqual(EMPTY_PROFILE);
  });
});

describe("context terms for the privacy engine", () => {
  const open = useContextStore();

  it("types the profile's names, city and always-private terms, and lists the texts to scan", () => {
    const { store, context } = open();
    const conversation = store.conversations.create();
    context.profile.set({
      name: "Ada Brennan",
      city: "Edinburgh",
      job: "Nurse at St. Anne's",
      family: ["Tom (husband)", "tom"],
      healthNotes: "Allergic to penicillin.",
      alwaysPrivate: ["Project Heron", "Ada Brennan"],
      freeText: "Call me Ada.",
    });
    const on = context.items.add({ title: "Lease", text: "Flat 4B, 12 Rose Street." });
    const off = context.items.add({ title: "Old lease", text: "Flat 2A, 3 Elm Road." });
    context.items.add({
      title: "Other chat",
      text: "Luigi's on Saturday.",
      conversationId: store.conversations.create().id,
    });
    context.items.setEnabled(conversation.id, off.id, false);
    const terms = context.contextTermsFor(conversation.id);
    expect(terms.terms).toEqual([
      { text: "Ada Brennan", type: "PERSON" },
      { text: "Tom", type: "PERSON" },
      { text: "Edinburgh", type: "LOCATION" },
      { text: "Project Heron", type: "OTHER" },
    ]);
    expect(terms.texts).toEqual([
      "Nurse at St. Anne's",
      "Allergic to penicillin.",
      "Call me Ada.",
      `Lease\n${on.text}`,
    ]);
  });
});
