import { z } from "zod";

/**
 * One line of test/fixtures/privacy/scenarios.jsonl (format documented in that folder's
 * README.md). Types use the engine's vocabulary so per-type leakage lines up with its output.
 */
export const SCENARIO_TYPES = [
  "PERSON",
  "ORG",
  "LOCATION",
  "ADDRESS",
  "EMAIL",
  "PHONE",
  "IBAN",
  "CARD",
  "IP",
  "URL",
  "HANDLE",
  "ID",
  "DATE_OF_BIRTH",
  "AGE",
  "MEDICAL",
  "MONEY",
  "OTHER",
] as const;

export const scenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/, "id: lowercase, starts with the language, e.g. de-bank-lastschrift"),
  /** BCP-47 tag; its region (default en-US, de-DE, fr-FR) is the default country for phones. */
  lang: z.string().regex(/^(en|de|fr)(-[A-Z]{2})?$/),
  profile: z.string(),
  context: z.string(),
  instruction: z.string().min(1),
  private: z.array(z.strictObject({ text: z.string().min(1), type: z.enum(SCENARIO_TYPES) })).min(1),
  public: z.array(z.string().min(1)),
});

export type Scenario = z.infer<typeof scenarioSchema>;

/** What the sanitizer sees, in order: profile, context, instruction. */
export function scenarioParts(s: Scenario): [string, string, string] {
  return [s.profile, s.context, s.instruction];
}

const DEFAULT_REGION: Record<string, string> = { en: "en-US", de: "de-DE", fr: "fr-FR" };

/** The locale passed to the engine: the tag itself if it has a region, else the default. */
export function scenarioLocale(s: Scenario): string {
  return s.lang.includes("-") ? s.lang : (DEFAULT_REGION[s.lang] ?? "en-US");
}

/** Parses JSONL; errors name the line so a broken fixture is quick to fix. */
export function parseScenarios(jsonl: string): Scenario[] {
  const scenarios: Scenario[] = [];
  jsonl.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`scenarios line ${index + 1}: not JSON (${(error as Error).message}).`, { cause: error });
    }
    const parsed = scenarioSchema.safeParse(value);
    if (!parsed.success) throw new Error(`scenarios line ${index + 1}: ${z.prettifyError(parsed.error)}`);
    scenarios.push(parsed.data);
  });
  return scenarios;
}
