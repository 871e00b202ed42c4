import PostalMime, { type Address } from "postal-mime";
import { TandemError } from "../../contract/errors";
import { htmlToText } from "./htmlToText";

export interface ExtractedEmail {
  subject: string;
  /** Subject, From, To, Cc, Date lines, a blank line, then the body. Attachments are skipped. */
  text: string;
}

/** An RFC 822 e-mail (.eml) → its headers that matter and its text body (or its HTML as text). */
export async function extractEmailText(bytes: Uint8Array, fileName: string): Promise<ExtractedEmail> {
  let email;
  try {
    email = await PostalMime.parse(bytes);
  } catch (error) {
    throw notAnEmail(fileName, error);
  }
  const subject = email.subject?.trim() ?? "";
  const headers = [
    ["Subject", subject],
    ["From", formatAddresses(email.from ? [email.from] : [])],
    ["To", formatAddresses(email.to ?? [])],
    ["Cc", formatAddresses(email.cc ?? [])],
    ["Date", email.date ?? ""],
  ].filter(([, value]) => value);
  // A file without any of these headers is not an e-mail (and would import as gibberish).
  if (!subject && !email.from && !email.to && !email.date) throw notAnEmail(fileName);
  const body = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : "";
  return { subject, text: `${headers.map(([name, value]) => `${name}: ${value}`).join("\n")}\n\n${body}` };
}

function formatAddresses(addresses: Address[]): string {
  return addresses
    .flatMap((address) => (address.group ? address.group : [address]))
    .map((mailbox) =>
      mailbox.name && mailbox.address ? `${mailbox.name} <${mailbox.address}>` : mailbox.name || mailbox.address || "",
    )
    .filter(Boolean)
    .join(", ");
}

function notAnEmail(fileName: string, cause?: unknown): TandemError {
  return new TandemError(
    "context_unreadable",
    `"${fileName}" does not look like an e-mail (no Subject, From, To or Date header). Save the message from your mail program as .eml, or paste its text instead.`,
    { cause },
  );
}
