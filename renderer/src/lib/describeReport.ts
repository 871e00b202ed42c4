import type { CloudStatus, ModelCheckReport, PrivacyReport } from "../../../app/contract/types";

/** Singular and plural names of the privacy engine's item types, for sentences. */
const TYPE_NAMES: Record<string, [string, string]> = {
  PERSON: ["name", "names"],
  ORG: ["organization", "organizations"],
  LOCATION: ["place", "places"],
  ADDRESS: ["address", "addresses"],
  EMAIL: ["e-mail address", "e-mail addresses"],
  PHONE: ["phone number", "phone numbers"],
  IBAN: ["IBAN", "IBANs"],
  CARD: ["card number", "card numbers"],
  IP: ["IP address", "IP addresses"],
  URL: ["web address", "web addresses"],
  HANDLE: ["user handle", "user handles"],
  ID: ["ID number", "ID numbers"],
  DATE_OF_BIRTH: ["date of birth", "dates of birth"],
  AGE: ["age", "ages"],
  MEDICAL: ["health detail", "health details"],
  SECRET: ["secret (key or password)", "secrets (keys or passwords)"],
  OTHER: ["other private term", "other private terms"],
};

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "7 private items replaced, 0 left the device". */
export function reportSummary(report: Pick<PrivacyReport, "replaced" | "leftDevice">): string {
  return `${plural(report.replaced, "private item", "private items")} replaced, ${report.leftDevice} left the device`;
}

/** ["3 names", "1 IBAN"], most frequent first; unknown types keep their code. */
export function typeBreakdown(byType: Record<string, number>): string[] {
  return Object.entries(byType)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([type, count]) => {
      const [one, many] = TYPE_NAMES[type] ?? [type.toLowerCase(), type.toLowerCase()];
      return plural(count, one, many);
    });
}

/** Where the cloud API key is kept, in words ("key saved in <this>"). */
export function keyStorageText(storage: CloudStatus["keyStorage"]): string {
  switch (storage) {
    case "os-keychain":
      return "the system keychain";
    case "file":
      return "a file in Tandem's data folder that only you can read";
    case "environment":
      return "the TANDEM_CLOUD_API_KEY environment variable";
    default:
      return "nowhere (no key)";
  }
}

/** Step 5 in words: "ran (1.2 s): found 1 health detail the rules missed". */
export function modelCheckText(check: ModelCheckReport): string {
  if (check.status === "off") return "off (Settings → Privacy)";
  if (check.status === "failed") return "could not run; the rules' result was sent";
  const added = typeBreakdown(check.added);
  const found = added.length > 0 ? `found ${added.join(", ")} the rules missed` : "found nothing the rules missed";
  const time = `${(check.ms / 1000).toFixed(1)} s`;
  return check.status === "timeout" ? `stopped at its time limit (${time}); ${found}` : `ran (${time}): ${found}`;
}
