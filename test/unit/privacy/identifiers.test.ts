import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, type PrivateType } from "../../../app/privacy";
import { isValidRvnr } from "../../../app/privacy/recognizers/nationalId";

function found(text: string, locale = "en-US", type?: PrivateType): string[] {
  return detect(text, new PrivacyVault("t"), { locale, nlp: false })
    .filter((d) => !type || d.type === type)
    .map((d) => d.text);
}

describe("numbers after a cue word", () => {
  it("finds customer, policy, invoice, order, claim and ticket numbers in any shape in English", () => {
    expect(
      found("Policy no. PMI-884213-77, invoice #INV-2024-0042, claim number CLM 5562 331.", "en-US", "ID"),
    ).toEqual(["PMI-884213-77", "INV-2024-0042", "CLM 5562 331"]);
    expect(found("Ticket ID: 48213-ZX-907; ref: XK-99812; my account is 12345678.", "en-US", "ID")).toEqual([
      "48213-ZX-907",
      "XK-99812",
      "12345678",
    ]);
  });

  it("finds German compounds ending in -nummer / -Nr. and file references", () => {
    expect(found("Vertrags-Nr. HV-2291-7734, Aktenzeichen 12 O 345/21, Rechnung Nr. 2024-117.", "de-DE", "ID")).toEqual(
      ["HV-2291-7734", "12 O 345/21", "2024-117"],
    );
  });

  it("finds French numéro de dossier / n° client", () => {
    expect(found("Mon numéro de dossier : 2023/0456-B et n° client 77812.", "fr-FR", "ID")).toEqual([
      "2023/0456-B",
      "77812",
    ]);
  });

  it("finds bank details after their name: sort code, routing number, Bankleitzahl, BIC with a real country", () => {
    expect(
      found("Sort code 12-34-56, routing number 021000021, BIC: DEUTDEFF500, SWIFT code NWBKGB2L.", "en-GB", "ID"),
    ).toEqual(["12-34-56", "021000021", "DEUTDEFF500", "NWBKGB2L"]);
    expect(found("Bankleitzahl 370 400 44", "de-DE", "ID")).toEqual(["370 400 44"]);
    expect(found("BIC XXXXZZ12 names no country.", "en-GB", "ID")).toEqual([]);
  });

  it("does not take counts, years, versions or street numbers after a cue-like word for ids", () => {
    expect(
      found(
        "The tax year 2023 had 12 cases; case 12 was closed; see reference 12 Main Street; Windows 10 Pro.",
        "en-US",
        "ID",
      ),
    ).toEqual([]);
    expect(found("The file is 200 MB; Tax: 2023 return.", "en-US", "ID")).toEqual([]);
  });
});

describe("national ids beyond the first ones", () => {
  it("checks the German pension insurance number's check digit (DRV algorithm)", () => {
    expect(isValidRvnr("65180539W001")).toBe(true);
    expect(isValidRvnr("65 180539 W 00 1")).toBe(true);
    expect(isValidRvnr("65180539W002")).toBe(false);
    expect(found("RVNR 65180539W001, nicht 65180539W002.", "de-DE")).toEqual(["65180539W001"]);
  });

  it("finds UK National Insurance numbers with valid prefixes only", () => {
    expect(found("NI: AB123456C or AB 12 34 56 C", "en-GB", "ID")).toEqual(["AB123456C", "AB 12 34 56 C"]);
    expect(found("Codes DA123456A, GB123456A and AO123456B are not allocated.", "en-GB", "ID")).toEqual([]);
  });

  it("finds a US SSN without separators only after an SSN cue, and with dots", () => {
    expect(found("My social security number is 536824417.", "en-US", "ID")).toEqual(["536824417"]);
    expect(found("SSN 123.45.6789", "en-US", "ID")).toEqual(["123.45.6789"]);
    expect(found("Batch of 123456789 shipped; 666123456 and 900123456 are no SSNs.", "en-US", "ID")).toEqual([]);
  });

  it("finds MAC addresses in colon, dash and Cisco dotted form, not IPv6, times or dotted numbers", () => {
    expect(found("MAC 00:1A:2B:3C:4D:5E, 00-1a-2b-3c-4d-5e and 001a.2b3c.4d5e.", "en-US", "ID")).toEqual([
      "00:1A:2B:3C:4D:5E",
      "00-1a-2b-3c-4d-5e",
      "001a.2b3c.4d5e",
    ]);
    expect(
      found("At 10:30:45 the host fe80::1ff:fe23:4567:890a answered; build 1234.5678.9012.", "en-US", "ID"),
    ).toEqual([]);
  });
});

describe("usernames and handles without @", () => {
  it("finds the value after a username, gamertag, pseudo or account cue", () => {
    expect(found("My username is dark_knight and my gamertag: Xx_Sn1per", "en-US", "HANDLE")).toEqual([
      "dark_knight",
      "Xx_Sn1per",
    ]);
    expect(found("Mein Benutzername lautet kati.m", "de-DE", "HANDLE")).toEqual(["kati.m"]);
    expect(found("Mon pseudo est loulou75.", "fr-FR", "HANDLE")).toEqual(["loulou75"]);
  });

  it("finds tokens shaped like handles: word_word123, camelCase with digits, a name with digits", () => {
    expect(found("Add JohnDoe92, jdoe1987 and cool_cat_99 to the group.", "en-US", "HANDLE")).toEqual([
      "JohnDoe92",
      "jdoe1987",
      "cool_cat_99",
    ]);
  });

  it("leaves product codes, standards, code identifiers and ordinary words after a cue alone", () => {
    expect(
      found(
        "COVID-19, MP3, B2B, iPhone15, x86_64, SHA256, Win10, Python39, report2023.pdf; username is required; login failed.",
        "en-US",
        "HANDLE",
      ),
    ).toEqual([]);
    // snake_case without digits is a code identifier only in code or a text about programming (passwordsAndHandles.test.ts).
    expect(found("Which user_id column joins the two tables?", "en-US", "HANDLE")).toEqual([]);
  });
});
