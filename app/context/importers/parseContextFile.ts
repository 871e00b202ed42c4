import { extname } from "node:path";
import { TandemError } from "../../contract/errors";
import { decodeText } from "./decodeText";
import { extractDocxText } from "./extractDocxText";
import { extractEmailText } from "./extractEmailText";
import { extractPdfText } from "./extractPdfText";
import type { ImportedDocument } from "./ImportedDocument";
import { normalizeText } from "./normalizeText";
import { sniffFormat, type SniffedFormat } from "./sniffFormat";

type Format = "text" | "markdown" | "pdf" | "docx" | "eml";

const MIME: Record<Format, string> = {
  text: "text/plain",
  markdown: "text/markdown",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  eml: "message/rfc822",
};

const TEXT_EXTENSIONS: Record<string, Format> = {
  "": "text",
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
};

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".pdf", ".docx", ".eml"] as const;

/**
 * A file's bytes → its text, by name and by content: a PDF is read as a PDF whatever it is
 * called; otherwise the extension picks the reader and the content must match it. Every
 * failure is a TandemError (context_unsupported, context_unreadable, context_empty), never a crash.
 * `fileName` is a name, not a path: it is stored and shown.
 */
export async function parseContextFile(bytes: Uint8Array, fileName: string): Promise<ImportedDocument> {
  const sniffed = sniffFormat(bytes);
  const format = pickFormat(extname(fileName).toLowerCase(), sniffed, fileName);
  const { text, title } = await extract(format, bytes, fileName);
  const clean = normalizeText(text);
  if (!clean) throw emptyError(format, fileName);
  return { title: title || baseTitle(fileName), sourceName: fileName, mime: MIME[format], text: clean };
}

function pickFormat(ext: string, sniffed: SniffedFormat, fileName: string): Format {
  if (sniffed === "pdf") return "pdf";
  if (ext === ".pdf") throw unreadable(fileName, "is not a PDF (it may be damaged or only named .pdf)");
  if (ext === ".docx") {
    if (sniffed === "zip") return "docx";
    if (sniffed === "ole")
      throw unreadable(fileName, "is password-protected or not a real .docx. Save a copy without a password as .docx");
    throw unreadable(fileName, "is not a Word .docx document (it may be damaged)");
  }
  if (ext === ".doc")
    throw unsupported(
      fileName,
      `"${fileName}" is an old Word (.doc) file. Open it in Word or LibreOffice and save it as .docx, or paste the text instead.`,
    );
  const textFormat = ext === ".eml" ? "eml" : TEXT_EXTENSIONS[ext];
  if (!textFormat)
    throw unsupported(
      fileName,
      `Tandem can read ${SUPPORTED_EXTENSIONS.join(", ")} files, not "${ext}". Save "${fileName}" as one of those, or paste the text instead.`,
    );
  if (sniffed !== "text") {
    if (ext === "")
      throw unsupported(
        fileName,
        `"${fileName}" is not a text, PDF, .docx or e-mail file. Tandem can read ${SUPPORTED_EXTENSIONS.join(", ")} files.`,
      );
    throw unreadable(fileName, "does not contain text (it looks like a binary file)");
  }
  return textFormat;
}

async function extract(format: Format, bytes: Uint8Array, fileName: string): Promise<{ text: string; title?: string }> {
  switch (format) {
    case "pdf":
      return { text: await extractPdfText(bytes, fileName) };
    case "docx":
      return { text: await extractDocxText(bytes, fileName) };
    case "eml": {
      const email = await extractEmailText(bytes, fileName);
      return { text: email.text, title: email.subject };
    }
    default:
      return { text: decodeText(bytes) };
  }
}

function emptyError(format: Format, fileName: string): TandemError {
  const message =
    format === "pdf"
      ? `"${fileName}": this PDF has no text layer (probably a scan). Tandem can't read scanned pages yet; paste the text instead.`
      : `"${fileName}" has no text to use. Check that it is the right file, or paste the text instead.`;
  return new TandemError("context_empty", message);
}

function unreadable(fileName: string, what: string): TandemError {
  return new TandemError(
    "context_unreadable",
    `"${fileName}" ${what}. Paste the text instead if you cannot fix the file.`,
  );
}

function unsupported(_fileName: string, message: string): TandemError {
  return new TandemError("context_unsupported", message);
}

/** "Letter to Bob.final.docx" → "Letter to Bob.final". */
function baseTitle(fileName: string): string {
  const ext = extname(fileName);
  return (ext ? fileName.slice(0, -ext.length) : fileName) || fileName;
}
