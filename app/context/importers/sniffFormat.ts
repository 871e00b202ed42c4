/**
 * What a file's first bytes say it is, whatever its name says.
 * - pdf: "%PDF-" in the first KiB (the spec allows junk before it)
 * - zip: a ZIP container (.docx, but also .xlsx, .odt, …)
 * - ole: an OLE compound file (old .doc — and also a password-protected .docx)
 * - text: a UTF-16 BOM, or no NUL byte in the first 8 KiB
 * - binary: anything else
 */
export type SniffedFormat = "pdf" | "zip" | "ole" | "text" | "binary";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8192));
  if (head.subarray(0, 1024).includes("%PDF-", 0, "latin1")) return "pdf";
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6))
    return "zip";
  if (OLE_MAGIC.every((byte, i) => head[i] === byte)) return "ole";
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return "text";
  return head.includes(0) ? "binary" : "text";
}
