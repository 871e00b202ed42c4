import { describe, expect, it } from "vitest";
import { isMonthName, monthNames } from "../../../app/privacy/names/monthNames";
import { calendarWords } from "../../../app/privacy/names/calendarWords";

describe("monthNames", () => {
  it("gives the twelve months of a language as CLDR writes them, long and short without the abbreviation dot", () => {
    const german = monthNames("de");
    expect(german.long).toHaveLength(12);
    expect(german.long[2]).toBe("März");
    expect(german.short[2]).toBe("Mär");
    expect(monthNames("fr").short[1]).toBe("févr");
  });

  it("recognises a month name in any case, long or short, only in its own language", () => {
    expect(isMonthName("JUNI", "de")).toBe(true);
    expect(isMonthName("juil", "fr")).toBe(true);
    expect(isMonthName("Juni", "en")).toBe(false);
    expect(isMonthName("Monday", "en")).toBe(false);
  });

  it("is where the engine's calendar words get their months from (folded: März → marz)", () => {
    const words = calendarWords();
    for (const language of ["en", "de", "fr"])
      for (const month of monthNames(language).long)
        expect(words.has(month.toLowerCase().normalize("NFD").replace(/\p{M}/gu, ""))).toBe(true);
  });
});
