import { z } from "zod";
import { TandemError } from "../contract/errors";

/**
 * The user's profile: a few structured fields the local model should know, the "always private"
 * terms the sanitizer must never let out, and free text. Stored as one JSON row.
 */
export interface FamilyMember {
  name: string;
  /** e.g. "daughter", "husband"; "" when not given. */
  relation: string;
}

export interface Profile {
  name: string;
  city: string;
  job: string;
  family: FamilyMember[];
  healthNotes: string;
  /** Terms that are private whatever the context (a nickname, a project name, an address). */
  alwaysPrivate: string[];
  freeText: string;
}

export const EMPTY_PROFILE: Profile = {
  name: "",
  city: "",
  job: "",
  family: [],
  healthNotes: "",
  alwaysPrivate: [],
  freeText: "",
};

/** Generous limits that keep one profile far below any model's context. */
const SHORT = 200;
const LONG = 20_000;

const short = z.string().trim().max(SHORT).default("");
const long = z.string().trim().max(LONG).default("");
/** "Anna (daughter)" and { name: "Anna", relation: "daughter" } are both accepted. */
const familyMember = z.union([
  z.object({ name: z.string().trim().min(1).max(SHORT), relation: short }),
  z.string().trim().min(1).max(SHORT).transform(parseFamilyString),
]);

export const ProfileSchema = z.object({
  name: short,
  city: short,
  job: short,
  family: z.array(familyMember).max(50).default([]),
  healthNotes: long,
  alwaysPrivate: z.array(z.string().trim().min(1).max(SHORT)).max(500).default([]),
  freeText: long,
});

function parseFamilyString(text: string): FamilyMember {
  const match = /^(.*?)\s*\(([^()]*)\)$/u.exec(text);
  return match ? { name: match[1]!.trim(), relation: match[2]!.trim() } : { name: text, relation: "" };
}

/** Validates untrusted profile data (a file, a UI payload); missing fields become empty. */
export function parseProfile(data: unknown): Profile {
  const result = ProfileSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at "${issue.path.join(".")}"` : "";
  throw new TandemError(
    "invalid_request",
    `The profile is not valid${where}: ${issue?.message ?? "unknown problem"}. Fields: name, city, job, family, healthNotes, alwaysPrivate, freeText.`,
  );
}

export function isEmptyProfile(profile: Profile): boolean {
  return JSON.stringify(profile) === JSON.stringify(EMPTY_PROFILE);
}
