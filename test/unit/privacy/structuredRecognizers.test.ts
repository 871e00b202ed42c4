import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, type PrivateType } from "../../../app/privacy";

/** The private items (type + text) found in `text`, structured recognizers only. */
function found(text: string, locale = "en-US"): Array<[PrivateType, string]> {
  return detect(text, new PrivacyVault("t"), { locale, nlp: false }).map((d) => [d.type, d.text]);
}

describe("e-mail, URL and handle recognizers", () => {
  it("finds e-mail addresses, including ones with plus tags and subdomains", () => {
    expect(found("Write to anna.weber+rent@mail.gmx.de today.")).toEqual([["EMAIL", "anna.weber+rent@mail.gmx.de"]]);
  });

  it("finds URLs with a scheme, with www and bare domains with a path, without the sentence's full stop", () => {
    expect(found("See https://example.org/profile?id=7. Or www.anna-weber.de and linkedin.com/in/annaweber.")).toEqual([
      ["URL", "https://example.org/profile?id=7"],
      ["URL", "www.anna-weber.de"],
      ["URL", "linkedin.com/in/annaweber"],
    ]);
  });

  it("does not take file names, abbreviations or framework names for domains", () => {
    expect(found("Open report.pdf, e.g. with Node.js or vue.config.js.")).toEqual([]);
  });

  it("finds social handles but not the middle of an e-mail address", () => {
    expect(found("Follow @anna_w on Mastodon; mail anna@example.com")).toEqual([
      ["HANDLE", "@anna_w"],
      ["EMAIL", "anna@example.com"],
    ]);
  });
});

describe("IBAN and payment card recognizers", () => {
  it("finds IBANs with or without spaces when the mod-97 checksum holds", () => {
    expect(found("IBAN: DE89 3704 0044 0532 0130 00, or GB29NWBK60161331926819.")).toEqual([
      ["IBAN", "DE89 3704 0044 0532 0130 00"],
      ["IBAN", "GB29NWBK60161331926819"],
    ]);
  });

  it("ignores IBAN-shaped strings with a wrong checksum", () => {
    expect(found("Reference DE89 3704 0044 0532 0130 01 is not an account.")).toEqual([]);
  });

  it("finds card numbers that pass the Luhn check, grouped or not", () => {
    expect(found("Card 4111 1111 1111 1111 and 5500-0000-0000-0004 and 378282246310005.")).toEqual([
      ["CARD", "4111 1111 1111 1111"],
      ["CARD", "5500-0000-0000-0004"],
      ["CARD", "378282246310005"],
    ]);
  });

  it("does not redact numbers that merely look like card numbers", () => {
    // Luhn-invalid, and a long tracking number.
    expect(found("Card 4111 1111 1111 1112. Parcel 1Z999AA10123456784.")).toEqual([]);
  });

  it("takes a Luhn-valid order number for the user's order id, not for a card", () => {
    expect(found("Order number 4111 1111 1111 1111.")).toEqual([["ID", "4111 1111 1111 1111"]]);
  });
});

describe("phone recognizer", () => {
  it("finds numbers in the locale's national format and international ones", () => {
    expect(found("Call 030 1234567 or +49 170 1234567.", "de-DE")).toEqual([
      ["PHONE", "030 1234567"],
      ["PHONE", "+49 170 1234567"],
    ]);
    expect(found("Call (415) 555-2671 or +1 415 555 2671.", "en-US")).toEqual([
      ["PHONE", "(415) 555-2671"],
      ["PHONE", "+1 415 555 2671"],
    ]);
    expect(found("Appelez le 06 12 34 56 78.", "fr-FR")).toEqual([["PHONE", "06 12 34 56 78"]]);
  });

  it("does not take years, dates, prices or version numbers for phone numbers (the price is an amount)", () => {
    expect(found("From 2019-2022, on 12.03.2024 it cost 1.250,00 EUR; version 10.2.3.4 fixed it.")).toEqual([
      ["MONEY", "1.250,00 EUR"],
    ]);
  });
});

describe("IP address recognizer", () => {
  it("finds IPv4 and IPv6 addresses", () => {
    expect(found("Server 192.168.1.20 and 2001:db8:85a3::8a2e:370:7334 are mine.")).toEqual([
      ["IP", "192.168.1.20"],
      ["IP", "2001:db8:85a3::8a2e:370:7334"],
    ]);
  });

  it("does not take version strings or clock times for IP addresses", () => {
    expect(found("Update to version 1.2.3.4 (v2.0.1.7) at 10:30:00; Chrome 120.0.6099.109 works.")).toEqual([]);
  });
});

describe("national id recognizer", () => {
  it("finds US social security numbers but not invalid areas", () => {
    expect(found("SSN 123-45-6789; not 000-12-3456 or 666-12-3456.")).toEqual([["ID", "123-45-6789"]]);
  });

  it("finds a German tax id only when its check digit is right", () => {
    expect(found("Steuer-ID: 86095742719", "de-DE")).toEqual([["ID", "86095742719"]]);
    expect(found("Zahl 86095742718 ist keine.", "de-DE").filter(([type]) => type === "ID")).toEqual([]);
  });

  it("finds a French NIR only when its key is right", () => {
    expect(found("NIR : 2 84 05 75 112 345 28", "fr-FR")).toEqual([["ID", "2 84 05 75 112 345 28"]]);
    expect(found("Code 2 84 05 75 112 345 29", "fr-FR").filter(([type]) => type === "ID")).toEqual([]);
  });

  it("finds numbers introduced by a keyword, in English, German and French", () => {
    expect(found("My policy number is AB-123456 and my customer no. 99887766.")).toEqual([
      ["ID", "AB-123456"],
      ["ID", "99887766"],
    ]);
    expect(found("Kundennummer: 4711-0815-22", "de-DE")).toEqual([["ID", "4711-0815-22"]]);
    expect(found("Mon numéro de client est 556677889.", "fr-FR")).toEqual([["ID", "556677889"]]);
    expect(found("Passport no. X1234567 expires soon.")).toEqual([["ID", "X1234567"]]);
  });

  it("does not treat a count or a year after a keyword as an id", () => {
    expect(found("The tax year 2023 had 12 cases.")).toEqual([]);
  });
});

describe("date of birth, age and address recognizers", () => {
  it("finds a date next to born / geboren / né, in several formats", () => {
    expect(found("I was born on 12 March 1985.")).toEqual([["DATE_OF_BIRTH", "12 March 1985"]]);
    expect(found("geboren am 03.07.1990 in Köln", "de-DE")).toEqual([["DATE_OF_BIRTH", "03.07.1990"]]);
    expect(found("née le 5 avril 1979", "fr-FR")).toEqual([["DATE_OF_BIRTH", "5 avril 1979"]]);
    expect(found("DOB: 1985-03-12")).toEqual([["DATE_OF_BIRTH", "1985-03-12"]]);
  });

  it("does not redact dates that are not birth dates", () => {
    expect(found("The meeting on 12 March 1985 was long.")).toEqual([]);
  });

  it("finds ages in English, German and French", () => {
    expect(found("A 34-year-old tenant; I'm 34. Anna (29) agrees.")).toEqual([
      ["AGE", "34-year-old"],
      ["AGE", "34"],
      ["AGE", "29"],
    ]);
    expect(found("Ich bin 41 Jahre alt.", "de-DE")).toEqual([["AGE", "41 Jahre alt"]]);
    expect(found("J'ai 52 ans.", "fr-FR")).toEqual([["AGE", "52 ans"]]);
  });

  it("does not take other numbers for ages", () => {
    expect(found("I'm 5 minutes late; page (12) of the report.")).toEqual([]);
  });

  it("finds US, UK, German and French street addresses with their postcode and town", () => {
    expect(found("I live at 742 Evergreen Terrace, Springfield, IL 62704.")).toEqual([
      ["ADDRESS", "742 Evergreen Terrace, Springfield, IL 62704"],
    ]);
    expect(found("Flat 2, 221B Baker Street, London NW1 6XE")).toEqual([
      ["ADDRESS", "Flat 2, 221B Baker Street, London NW1 6XE"],
    ]);
    expect(found("Ich wohne in der Hauptstraße 5a, 10115 Berlin.", "de-DE")).toEqual([
      ["ADDRESS", "Hauptstraße 5a, 10115 Berlin"],
    ]);
    expect(found("J'habite 12 bis, rue de la Paix, 75002 Paris.", "fr-FR")).toEqual([
      ["ADDRESS", "12 bis, rue de la Paix, 75002 Paris"],
    ]);
  });

  it("finds international and military address forms", () => {
    expect(found("Send it to 6750 Koskikatu 25 Apt. 864 please.")).toEqual([["ADDRESS", "6750 Koskikatu 25 Apt. 864"]]);
    expect(found("Meet me at PSC 1437, Box 3833 APO AA 66791.")).toEqual([
      ["ADDRESS", "PSC 1437, Box 3833 APO AA 66791"],
    ]);
  });

  it("does not take counts of things for street addresses", () => {
    expect(found("We have 3 Park benches and 2 Main Course options.")).toEqual([]);
    expect(found("On 12 March 1985, read Chapter 3 Section 4.")).toEqual([]);
  });

  it("does not take a word that merely ends like a German street word for a street", () => {
    // English words ending in "-ring", "-gade", "-tie", and a German adverb ("hin" + "weg").
    expect(found("During 5 years we lived there. String 3 is broken and Brigade 2 left.")).toEqual([]);
    expect(found("Hinweg 5 Kilometer, zurück mit dem Bus.", "de-DE")).toEqual([]);
  });

  it("still finds German streets named with a street word, alone or in a compound", () => {
    expect(found("Sie wohnt im Marktring 5 und er Am Ring 3.", "de-DE")).toEqual([
      ["ADDRESS", "Marktring 5"],
      ["ADDRESS", "Am Ring 3"],
    ]);
    expect(found("Kaiserring 12, 68161 Mannheim", "de-DE")).toEqual([["ADDRESS", "Kaiserring 12, 68161 Mannheim"]]);
    expect(found("Büro: Marktplatz 5, Ringvej 144, Hauptstr. 7", "de-DE")).toEqual([
      ["ADDRESS", "Marktplatz 5, Ringvej 144, Hauptstr. 7"],
    ]);
  });

  it("finds German streets named after a person, hyphenated, whose last part is a street word", () => {
    expect(found("Wir wohnen am Konrad-Adenauer-Ring 5 in Köln.", "de-DE")).toEqual([
      ["ADDRESS", "Konrad-Adenauer-Ring 5"],
    ]);
    expect(found("Friedrich-Ebert-Straße 12, 53113 Bonn", "de-DE")).toEqual([
      ["ADDRESS", "Friedrich-Ebert-Straße 12, 53113 Bonn"],
    ]);
    expect(found("Karl-Marx-Allee 90a, Bertha-von-Suttner-Platz 3 oder Theodor-Heuss-Str. 7", "de-DE")).toEqual([
      ["ADDRESS", "Karl-Marx-Allee 90a, Bertha-von-Suttner-Platz 3"],
      ["ADDRESS", "Theodor-Heuss-Str. 7"],
    ]);
  });

  it("takes a street whose name starts with a title or abbreviation as one address, from its first letter", () => {
    expect(found("Ich wohne am Dr.-Ruer-Platz 2 seit März.", "de-DE")).toEqual([["ADDRESS", "Dr.-Ruer-Platz 2"]]);
    expect(found("Früher im St.-Georgs-Weg 5, dann in der Prof.-Huber-Str. 3.", "de-DE")).toEqual([
      ["ADDRESS", "St.-Georgs-Weg 5"],
      ["ADDRESS", "Prof.-Huber-Str. 3"],
    ]);
    // A title before a person, and a street word with a number elsewhere in the sentence, are no street.
    expect(found("Bitte an Dr. Ruer schreiben, Platz 2 ist frei.", "de-DE")).toEqual([]);
  });

  it("does not take a hyphenated thing, or a street's name without its number, for an address", () => {
    // One letter before the hyphen: a seal or a target ring, not a street (also in lower case).
    expect(found("Ein O-Ring 12 x 2 mm fehlt.", "de-DE")).toEqual([]);
    expect(found("Use an O-ring 12 mm wide and aim at the X-Ring 10 times.")).toEqual([]);
    // No house number, or a last part that is no street word.
    expect(found("Der Konrad-Adenauer-Ring ist ab 5 Uhr gesperrt.", "de-DE")).toEqual([]);
    expect(found("Die Friedrich-Ebert-Stiftung 12 Mal, die Konrad-Adenauer-Ringe 5 Mal.", "de-DE")).toEqual([]);
  });
});

describe("medical terms", () => {
  it("finds health conditions in English, German and French", () => {
    expect(found("I have type 2 diabetes and asthma.").map(([t]) => t)).toEqual(["MEDICAL", "MEDICAL"]);
    expect(found("Ich habe Depressionen.", "de-DE")).toEqual([["MEDICAL", "Depressionen"]]);
    expect(found("Je suis enceinte.", "fr-FR")).toEqual([["MEDICAL", "enceinte"]]);
  });
});

describe("secrets and account codes", () => {
  it("finds credentials after a key and long random tokens", () => {
    expect(found("client_secret=fb0196010f2b70df8db2a173ca2cf59388798abf&x=1")).toEqual([
      ["SECRET", "fb0196010f2b70df8db2a173ca2cf59388798abf"],
    ]);
    expect(found("password: hunter2")).toEqual([["SECRET", "hunter2"]]);
    expect(found("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc123XYZ")).toHaveLength(1);
  });

  it("finds record ids made of a few letters and many digits", () => {
    expect(found("Accounts c1666544295 and KJ046613 are mine.")).toEqual([
      ["ID", "c1666544295"],
      ["ID", "KJ046613"],
    ]);
  });

  it("finds the user name in home-directory paths", () => {
    expect(found("at C:\\Users\\lidor\\Desktop\\bot\\x.js:12 and /home/anna/.ssh/id_rsa, not /Users/Shared")).toEqual([
      ["OTHER", "lidor"],
      ["OTHER", "anna"],
    ]);
  });

  it("does not take short product codes, versions or plain words for secrets", () => {
    expect(found("Use an MP3 or H264 file, Python 3.12, x86_64 builds; the code: is simple.")).toEqual([]);
  });
});
