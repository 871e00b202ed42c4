import { describe, expect, it } from "vitest";
import { detect, PrivacyVault } from "../../../../app/privacy";
import { isProductName, productNames } from "../../../../app/privacy/names/productNames";

const typed = (text: string) => detect(text, new PrivacyVault("t"), { locale: "en-US" }).map((d) => [d.type, d.text]);

describe("product and technology names written with an inner capital or a hyphen (issue 11, retention)", () => {
  it("reads them from the English spelling dictionary as written, and none of its persons of the same shape", () => {
    for (const word of ["iPhone", "iPad", "eBay", "YouTube", "PlayStation", "PowerPoint", "Wi-Fi"])
      expect(isProductName(word), word).toBe(true);
    for (const person of ["McCain", "MacArthur", "DiCaprio", "DeGeneres", "McDonald", "Jean-Pierre"])
      expect(isProductName(person), person).toBe(false);
    expect(productNames().size).toBeGreaterThan(40);
  });

  it("keeps a device, a platform or the Wi-Fi readable in a user's question", () => {
    expect(typed("My Wi-Fi keeps dropping on my iPhone and iPad.")).toEqual([]);
    expect(typed("I sold the old PlayStation on eBay and watched YouTube instead.")).toEqual([]);
    expect(typed("Can you turn this PowerPoint into a summary?")).toEqual([]);
  });

  it("still replaces a person beside the product, and a product company the user works for", () => {
    expect(typed("My iPhone was a gift from Hannah Kowalczyk.")).toEqual([["PERSON", "Hannah Kowalczyk"]]);
    expect(typed("I work at PayPal in the fraud team.")).toEqual([["ORG", "PayPal"]]);
    expect(typed("Ask Mr. McCain about the iPad.")).toEqual([["PERSON", "McCain"]]);
  });
});
