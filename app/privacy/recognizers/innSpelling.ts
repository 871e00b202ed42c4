/**
 * One spelling for a drug name however a language writes it. The WHO's rules for International
 * Nonproprietary Names ("General principles for guidance in devising INN", WHO/EMP) write f for
 * ph, t for th, i for y and e for ae/oe, so the INN "aciclovir" is the US "acyclovir"; German
 * writes k for c ("Kodein") and drops a final -e ("Methotrexat", "Thyroxin", "Kortison"); French
 * keeps the -e and its accents ("donépézil", folded before this) and writes plurals with -s
 * ("corticoïdes"). The key below applies all of these to both sides, so a name listed once in
 * English is found in each spelling.
 */
export function innKey(lowerWord: string): string {
  return lowerWord
    .replace(/ph/g, "f")
    .replace(/th/g, "t")
    .replace(/y/g, "i")
    .replace(/[ao]e/g, "e")
    .replace(/k/g, "c")
    .replace(/s$/, "")
    .replace(/e$/, "");
}
