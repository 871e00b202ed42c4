import { describe, expect, it } from "vitest";
import { formatContextForPrompt } from "../../../app/context/formatContextForPrompt";
import { EMPTY_PROFILE, parseProfile } from "../../../app/context/Profile";

describe("formatContextForPrompt", () => {
  const profile = parseProfile({
    name: "Ada Brennan",
    city: "Edinburgh",
    job: "Nurse at St. Anne's",
    family: [{ name: "Tom", relation: "husband" }, "Lily (daughter)", "Rex"],
    healthNotes: "Allergic to penicillin.",
    alwaysPrivate: ["Project Heron"],
    freeText: "Prefers short answers.",
  });
  const items = [
    {
      itemId: "1",
      title: "Lease",
      passages: [
        { chunkId: 1, text: "Rent is 1,250 EUR.", score: 3 },
        { chunkId: 2, text: "Notice: three months.", score: 1 },
      ],
    },
    {
      itemId: "2",
      title: "Household notes",
      passages: [{ chunkId: 9, text: "Wifi password: bluebird-42.", score: 2 }],
    },
  ];

  it("writes the profile, then each item's passages under its title", () => {
    expect(formatContextForPrompt(profile, { items })).toBe(
      [
        "About the user:",
        "Name: Ada Brennan",
        "City: Edinburgh",
        "Job: Nurse at St. Anne's",
        "Family: Tom (husband), Lily (daughter), Rex",
        "Health: Allergic to penicillin.",
        "Notes: Prefers short answers.",
        "",
        "Relevant notes from the user's documents:",
        "[Lease]",
        "Rent is 1,250 EUR.",
        "",
        "Notice: three months.",
        "",
        "[Household notes]",
        "Wifi password: bluebird-42.",
      ].join("\n"),
    );
  });

  it("leaves out the always-private terms: they are for the sanitizer, not the model", () => {
    expect(formatContextForPrompt(profile, { items })).not.toContain("Heron");
  });

  it("skips empty fields and sections, and is empty when there is nothing", () => {
    expect(formatContextForPrompt({ ...EMPTY_PROFILE, city: "Oslo" }, { items: [] })).toBe(
      "About the user:\nCity: Oslo",
    );
    expect(formatContextForPrompt(null, { items: items.slice(1) })).toBe(
      "Relevant notes from the user's documents:\n[Household notes]\nWifi password: bluebird-42.",
    );
    expect(formatContextForPrompt(EMPTY_PROFILE, { items: [] })).toBe("");
    expect(formatContextForPrompt(null, { items: [] })).toBe("");
  });
});
