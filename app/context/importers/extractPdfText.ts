import { extractText, getDocumentProxy } from "unpdf";
import { TandemError } from "../../contract/errors";

/**
 * The text layer of a PDF, pages separated by a blank line. unpdf bundles a serverless build of
 * Mozilla's pdf.js: pure JavaScript, no native code, no worker thread, works on Node 20.
 * Throws context_unreadable for a damaged or password-protected file; an empty string means the
 * PDF has no text layer (the caller turns that into context_empty).
 */
export async function extractPdfText(bytes: Uint8Array, fileName: string): Promise<string> {
  let pdf;
  try {
    // A copy: pdf.js takes ownership of (detaches) the buffer it is given.
    // isEvalSupported false: never compile font code from the file (defence against crafted PDFs).
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    throw pdfError(error, fileName);
  }
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    return text.join("\n\n");
  } catch (error) {
    throw pdfError(error, fileName);
  } finally {
    await pdf.destroy();
  }
}

function pdfError(error: unknown, fileName: string): TandemError {
  if ((error as Error | null)?.name === "PasswordException") {
    return new TandemError(
      "context_unreadable",
      `"${fileName}" is password-protected. Save a copy without the password, or paste the text instead.`,
      { cause: error },
    );
  }
  return new TandemError(
    "context_unreadable",
    `"${fileName}" is not a readable PDF (it may be damaged or incomplete). Check that it opens in a PDF viewer, or paste the text instead.`,
    { cause: error },
  );
}
