import mammoth from "mammoth";
import { TandemError } from "../../contract/errors";

/** The text of a Word .docx (paragraphs separated by blank lines), via mammoth's raw-text mode. */
export async function extractDocxText(bytes: Uint8Array, fileName: string): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) });
    return result.value;
  } catch (error) {
    throw new TandemError(
      "context_unreadable",
      `"${fileName}" is not a readable Word document (.docx); it may be damaged. Check that it opens in Word or LibreOffice, or paste the text instead.`,
      { cause: error },
    );
  }
}
