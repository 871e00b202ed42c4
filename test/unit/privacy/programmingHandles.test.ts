import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, sanitize } from "../../../app/privacy";

/** Issue #11: a person's account inside a programming question, and the identifiers around it. Invented values. */
const found = (text: string) => detect(text, new PrivacyVault("t"), { locale: "en-US" }).map((d) => d.text);
const sanitized = (text: string) => sanitize(text, new PrivacyVault("t"), { locale: "en-US" }).text;

describe("accounts named in a programming question", () => {
  it("replaces the login of an ssh or scp command with its host, whole", () => {
    expect(sanitized("I connect with ssh alice_w@host and it hangs.")).toBe(
      "I connect with ssh [HANDLE_1] and it hangs.",
    );
    expect(sanitized("Run scp report.pdf hkoch@fileserver:/tmp in the terminal.")).toBe(
      "Run scp report.pdf [HANDLE_1]:/tmp in the terminal.",
    );
  });

  it("replaces the value of git config user.name, as a handle or as a person", () => {
    expect(sanitized("I ran git config --global user.name jdoe but the commits show another author.")).toBe(
      "I ran git config --global user.name [HANDLE_1] but the commits show another author.",
    );
    expect(found("git config user.name 'Max Mustermann' did not change the author.")).toContain("Max Mustermann");
    expect(found("My GitHub user is jdoe1987 and my commits show the wrong author.")).toEqual(["jdoe1987"]);
  });

  it("leaves shared default accounts and the identifiers of the code readable", () => {
    expect(found("ssh root@buildhost works, but ssh deploy@buildhost does not.")).toEqual([]);
    expect(
      found(
        "The function getUserName returns null when the user_id column is empty in the database. Should I use parseInt on the API response?",
      ),
    ).toEqual([]);
    expect(found("In my TypeScript module, innerHTML and setTimeout behave oddly.")).toEqual([]);
  });

  it("still replaces a person's name written in camelCase in a programming text", () => {
    expect(found("In my Python script, the variable johnSmith holds the author.")).toEqual(["johnSmith"]);
  });

  it("finds the handle after its cue when the service or place stands between, in English, German and French", () => {
    expect(found("My login on the server is mwilson and ssh fails.")).toEqual(["mwilson"]);
    expect(found("My username for the forum is kati_m.")).toEqual(["kati_m"]);
    expect(
      detect("Mon pseudo sur le forum est loulou75.", new PrivacyVault("t"), { locale: "fr-FR" }).map((d) => d.text),
    ).toEqual(["loulou75"]);
    // An ordinary word after the cue and its place is no handle.
    expect(found("The username field on the form is required.")).toEqual([]);
  });
});
