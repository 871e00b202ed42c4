import { describe, expect, it } from "vitest";
import { PrivacyVault, sanitize } from "../../../app/privacy";
import { SanitizedHistory } from "../../../app/proxy/SanitizedHistory";

const EN = { locale: "en-US" };
const MESSAGE = "My landlord Gary Thompson has not answered since March.";

describe("the proxy's memory of sanitized history messages", () => {
  it("serves a message only for exactly the same text: a changed message is never served", () => {
    const history = new SanitizedHistory();
    const vault = new PrivacyVault("c");
    history.set("c", `user\u0000${MESSAGE}`, sanitize(MESSAGE, vault, EN), vault);
    expect(history.get("c", `user\u0000${MESSAGE}`, vault)?.text).toBe(
      "My landlord [PERSON_1] has not answered since March.",
    );
    expect(history.get("c", `user\u0000${MESSAGE.replace("Gary", "Gerry")}`, vault)).toBeUndefined();
    expect(history.get("c", `user\u0000${MESSAGE} `, vault)).toBeUndefined();
    expect(history.get("c", `assistant\u0000${MESSAGE}`, vault)).toBeUndefined();
  });

  it("keeps conversations apart", () => {
    const history = new SanitizedHistory();
    const vault = new PrivacyVault("a");
    history.set("a", MESSAGE, sanitize(MESSAGE, vault, EN), vault);
    expect(history.get("b", MESSAGE, vault)).toBeUndefined();
  });

  it("does not serve a message whose placeholder stands for another value in the vault now", () => {
    const history = new SanitizedHistory();
    const before = new PrivacyVault("c");
    history.set("c", MESSAGE, sanitize(MESSAGE, before, EN), before);
    const other = new PrivacyVault("c");
    sanitize("Ask Lena Fischer.", other, EN);
    expect(other.get("[PERSON_1]")?.value).toBe("Lena Fischer");
    expect(history.get("c", MESSAGE, other)).toBeUndefined();
    expect(history.get("c", MESSAGE, before)).toBeUndefined();
  });

  it("forgets the least recently used conversation and the oldest messages beyond its limits", () => {
    const history = new SanitizedHistory({ conversations: 2, messagesPerConversation: 2 });
    const vault = new PrivacyVault("v");
    const result = sanitize("Hello there.", vault, EN);
    history.set("a", "1", result, vault);
    history.set("b", "1", result, vault);
    expect(history.get("a", "1", vault)).toBe(result);
    history.set("c", "1", result, vault);
    expect(history.get("b", "1", vault)).toBeUndefined();
    expect(history.get("a", "1", vault)).toBe(result);
    for (const key of ["2", "3"]) history.set("a", key, result, vault);
    expect(history.get("a", "1", vault)).toBeUndefined();
    expect(history.get("a", "3", vault)).toBe(result);
  });
});
