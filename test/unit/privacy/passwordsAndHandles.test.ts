import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, type PrivateType } from "../../../app/privacy";

/** Issue #11: password-shaped tokens and handles without "@" as classes. Invented values. */
function found(text: string, locale = "en-US", type?: PrivateType): string[] {
  return detect(text, new PrivacyVault("t"), { locale, nlp: false })
    .filter((d) => !type || d.type === type)
    .map((d) => d.text);
}

describe("password-shaped tokens", () => {
  it("finds a token mixing letters, digits and a symbol anywhere in a sentence", () => {
    expect(found("Is Summer@2024 safer than P@ssw0rd! or Tr0ub4dor&3 for my bank?", "en-US", "SECRET")).toEqual([
      "Summer@2024",
      "P@ssw0rd!",
      "Tr0ub4dor&3",
    ]);
  });

  it("finds the value assigned to a password variable or key in code", () => {
    expect(
      found('db_user = "ops" db_password = "Harbour@5512" cfg = {"Passwort": "Kiel#2208"}', "en-US", "SECRET"),
    ).toEqual(["Harbour@5512", "Kiel#2208"]);
  });

  it("finds the value after a password or PIN cue in English, German and French", () => {
    expect(found("My wifi password is hunter2 and the PIN of my card is 4821.", "en-US", "SECRET")).toEqual([
      "hunter2",
      "4821",
    ]);
    expect(found("Mein Passwort lautet Sommer2024, das Kennwort ist Blau77.", "de-DE", "SECRET")).toEqual([
      "Sommer2024",
      "Blau77",
    ]);
    expect(found("Mon mot de passe est soleil75 et mon code PIN est 9083.", "fr-FR", "SECRET")).toEqual([
      "soleil75",
      "9083",
    ]);
  });

  it("finds a PIN or password written right after its cue, without a verb", () => {
    expect(found("My PIN 4821 and the PIN-Code 99120.", "en-US", "SECRET")).toEqual(["4821", "99120"]);
    expect(found("Passwort Sommer2024 und Geheimzahl 7731.", "de-DE", "SECRET")).toEqual(["Sommer2024", "7731"]);
    expect(found("Mon mot de passe soleil75 ne marche plus.", "fr-FR", "SECRET")).toEqual(["soleil75"]);
  });

  it("does not take a year, an ordinal, a pin number or a hashtag for a password", () => {
    expect(
      found(
        "After the password 2024 update, pin 12 and GPIO pin 18 work; #Love#Summer2024; password 2nd try.",
        "en-US",
        "SECRET",
      ),
    ).toEqual([]);
  });

  it("leaves e-mails, hosts, package specs, money, references and ordinary codes alone", () => {
    const text =
      "Mail anna.weber2@gmx.de, ssh root@10.0.0.1, npm i react@18 vue@3.4.1, icon@2x.png, 4K@120Hz, US$100, " +
      "issue#123, ?page=2&sort=asc, COVID-19, A4, 3.5mm, 24/7, v2.1.0, $29.99, 10:30am, Wi-Fi, x86_64, C++17, AT&T.";
    expect(found(text, "en-US", "SECRET")).toEqual([]);
  });

  it("does not take an ordinary word after a password cue for the password", () => {
    expect(
      found("The password is required; my password must be 12 characters; das Passwort ist falsch.", "en-US", "SECRET"),
    ).toEqual([]);
  });
});

describe("snake_case handles without digits", () => {
  it("finds a snake_case name in prose, in English, German and French", () => {
    expect(found("Please add dark_knight and initi_user to the group.", "en-US", "HANDLE")).toEqual([
      "dark_knight",
      "initi_user",
    ]);
    expect(found("Lade bitte kleine_maus in den Chat ein.", "de-DE", "HANDLE")).toEqual(["kleine_maus"]);
    expect(found("Invite petit_loup à la réunion.", "fr-FR", "HANDLE")).toEqual(["petit_loup"]);
    expect(found("What does this chat mean?\nsunny_fox: see you at nine", "en-US", "HANDLE")).toEqual(["sunny_fox"]);
  });

  it("keeps identifiers in backticks, in a text about programming or used as a name in code", () => {
    expect(found("Rename `user_name` to `full_name` before the release.", "en-US", "HANDLE")).toEqual([]);
    expect(found("What does max_tokens do in the OpenAI API?", "en-US", "HANDLE")).toEqual([]);
    expect(found("Set max_tokens=200 and read the reply.", "en-US", "HANDLE")).toEqual([]);
    expect(found("Settings: retry_delay: 30, dark_mode: true", "en-US", "HANDLE")).toEqual([]);
    expect(found("Which value goes into the order_date column?", "en-US", "HANDLE")).toEqual([]);
  });

  it("keeps file names and CONSTANTS", () => {
    expect(found("I attached report_2024.pdf, final_draft.docx and MAX_RETRIES.", "en-US", "HANDLE")).toEqual([]);
  });
});
