/**
 * The exact JSON that left the device, indented for reading. Re-indenting changes whitespace
 * only, never a value; text that is not JSON is shown as it is.
 */
export function prettyPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
