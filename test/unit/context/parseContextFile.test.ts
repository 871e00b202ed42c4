import { describe, expect, it } from "vitest";
import { TandemError } from "../../../app/contract/errors";
import { parseContextFile } from "../../../app/context/importers/parseContextFile";
import { makeDocx } from "./fixtures/makeDocx";
import { makeEml } from "./fixtures/makeEml";
import { makePdf } from "./fixtures/makePdf";
import { makeZip } from "./fixtures/makeZip";

async function failure(promise: Promise<unknown>): Promise<TandemError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TandemError);
  return error as TandemError;
}

describe("importing text and Markdown", () => {
  it("reads UTF-8 text, normalizing line ends and blank runs, titled after the file", async () => {
    const doc = await parseContextFile(
      Buffer.from("Grocery list\r\n\r\n\r\n\r\n- Äpfel\r\n- Brot  \r\n"),
      "Einkauf.txt",
    );
    expect(doc).toEqual({
      title: "Einkauf",
      sourceName: "Einkauf.txt",
      mime: "text/plain",
      text: "Grocery list\n\n- Äpfel\n- Brot",
    });
  });

  it("reads Markdown as text with its own MIME type", async () => {
    const doc = await parseContextFile(Buffer.from("# Trip\n\nLisbon in **May**."), "trip.md");
    expect(doc).toMatchObject({ mime: "text/markdown", text: "# Trip\n\nLisbon in **May**." });
  });

  it("honours a UTF-16 byte-order mark and falls back to Windows-1252 for non-UTF-8 bytes", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Crème brûlée", "utf16le")]);
    expect((await parseContextFile(utf16, "recipe.txt")).text).toBe("Crème brûlée");
    const latin = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35]); // "Café €5" in Windows-1252
    expect((await parseContextFile(latin, "old.txt")).text).toBe("Café €5");
  });

  it("refuses a binary file named .txt as unreadable", async () => {
    const error = await failure(parseContextFile(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]), "data.txt"));
    expect(error.code).toBe("context_unreadable");
    expect(error.message).toContain('"data.txt"');
  });

  it("refuses a whitespace-only file as empty", async () => {
    expect((await failure(parseContextFile(Buffer.from(" \n\t\n "), "blank.md"))).code).toBe("context_empty");
  });
});

describe("importing PDFs", () => {
  it("extracts the text layer of every page in order", async () => {
    const pdf = makePdf([
      { lines: ["Lease agreement (flat 4B)", "Rent: 1,250 EUR per month"] },
      { lines: ["Notice period: three months"] },
    ]);
    const doc = await parseContextFile(pdf, "lease.pdf");
    expect(doc).toMatchObject({ title: "lease", sourceName: "lease.pdf", mime: "application/pdf" });
    expect(doc.text).toMatch(/Lease agreement \(flat 4B\)\s+Rent: 1,250 EUR per month\s+Notice period: three months/);
    expect(doc.text.indexOf("Lease")).toBeLessThan(doc.text.indexOf("Notice"));
  });

  it("reads a PDF by its content even when it is not named .pdf", async () => {
    const doc = await parseContextFile(makePdf([{ lines: ["Hidden PDF"] }]), "download");
    expect(doc).toMatchObject({ mime: "application/pdf", text: "Hidden PDF" });
  });

  it("says a scanned PDF (images, no text layer) has no text, and to paste it instead", async () => {
    const error = await failure(
      parseContextFile(
        makePdf([
          { lines: [], image: true },
          { lines: [], image: true },
        ]),
        "scan.pdf",
      ),
    );
    expect(error.code).toBe("context_empty");
    expect(error.message).toMatch(/no text layer \(probably a scan\).*paste the text instead/);
  });

  it("reports a truncated PDF as unreadable instead of crashing", async () => {
    const pdf = makePdf([{ lines: ["Some text"] }]);
    const error = await failure(parseContextFile(pdf.subarray(0, 40), "broken.pdf"));
    expect(error.code).toBe("context_unreadable");
    expect(error.message).toContain('"broken.pdf"');
  });

  it("reports garbage behind a PDF header as unreadable", async () => {
    const error = await failure(
      parseContextFile(Buffer.from("%PDF-1.7\n" + "\x00\xff garbage ".repeat(50), "latin1"), "junk.pdf"),
    );
    expect(error.code).toBe("context_unreadable");
  });

  it("refuses a file named .pdf that is not a PDF", async () => {
    expect((await failure(parseContextFile(Buffer.from("just text"), "fake.pdf"))).code).toBe("context_unreadable");
  });
});

describe("importing Word documents", () => {
  it("extracts the paragraphs of a .docx", async () => {
    const doc = await parseContextFile(
      makeDocx(["Cover letter", "I have worked as a nurse at St. Anne's since 2019.", "Kind regards & thanks"]),
      "letter.docx",
    );
    expect(doc).toMatchObject({
      title: "letter",
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(doc.text).toBe(
      "Cover letter\n\nI have worked as a nurse at St. Anne's since 2019.\n\nKind regards & thanks",
    );
  });

  it("reports a corrupt .docx (a zip without a document) as unreadable", async () => {
    const error = await failure(parseContextFile(makeZip({ "notes.txt": "hello" }), "report.docx"));
    expect(error.code).toBe("context_unreadable");
    expect(error.message).toContain("Word");
  });

  it("reports a truncated .docx as unreadable", async () => {
    const error = await failure(parseContextFile(makeDocx(["text"]).subarray(0, 60), "cut.docx"));
    expect(error.code).toBe("context_unreadable");
  });

  it("explains that an old .doc file must be saved as .docx", async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const error = await failure(parseContextFile(ole, "old.doc"));
    expect(error.code).toBe("context_unsupported");
    expect(error.message).toContain("save it as .docx");
  });

  it("reports an empty document as empty", async () => {
    expect((await failure(parseContextFile(makeDocx([""]), "empty.docx"))).code).toBe("context_empty");
  });
});

describe("importing e-mails", () => {
  it("keeps subject, sender, recipient, date and body, titled by the subject", async () => {
    const doc = await parseContextFile(makeEml(), "mail.eml");
    expect(doc.title).toBe("Your appointment on Thursday – reminder");
    expect(doc.mime).toBe("message/rfc822");
    expect(doc.text).toContain("Subject: Your appointment on Thursday – reminder");
    expect(doc.text).toContain("From: Dr. Maria Keller <m.keller@praxis-keller.example>");
    expect(doc.text).toContain("To: Ada Brennan <ada@example.com>");
    expect(doc.text).toContain("Date: 2025-03-04T10:00:00.000Z");
    expect(doc.text).toContain("dental check-up on Thursday at 9:30.\nPlease bring your insurance card.");
  });

  it("turns an HTML-only body into text", async () => {
    const doc = await parseContextFile(
      makeEml({
        subject: "News",
        html: "<html><head><style>p{}</style></head><body><p>Hello&nbsp;Ada &amp; Tom</p><p>Line&#33;<br>Next</p></body></html>",
      }),
      "news.eml",
    );
    const body = doc.text.slice(doc.text.indexOf("\n\n") + 2);
    expect(body).toBe("Hello Ada & Tom\n\nLine!\nNext");
  });

  it("refuses a .eml file that has no mail headers", async () => {
    expect((await failure(parseContextFile(Buffer.from("just some words\nwithout headers"), "x.eml"))).code).toBe(
      "context_unreadable",
    );
  });
});

describe("choosing a reader", () => {
  it.each([["sheet.xlsx"], ["photo.jpg"], ["archive.zip"]])(
    "refuses %s as unsupported, naming the kinds it can read",
    async (name) => {
      const error = await failure(parseContextFile(Buffer.from("PK\x03\x04xxxx"), name));
      expect(error.code).toBe("context_unsupported");
      expect(error.message).toContain(".txt, .md, .pdf, .docx, .eml");
    },
  );

  it("refuses a binary file without an extension as unsupported", async () => {
    expect((await failure(parseContextFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), "image"))).code).toBe(
      "context_unsupported",
    );
  });
});
