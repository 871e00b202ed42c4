/**
 * Incremental parser for a `text/event-stream` body. Network chunks can split a line (or even a
 * CRLF pair) anywhere, so it keeps the unfinished tail between calls. Only `data:` fields matter
 * to Tandem; comments (`: ping`), `event:`, `id:` and `retry:` are ignored.
 * See https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export class SseParser {
  private buffer = "";
  private dataLines: string[] = [];
  private pendingCarriageReturn = false;

  /** Feeds decoded text; returns the data payloads of every event completed by this chunk. */
  feed(chunk: string): string[] {
    let text = chunk;
    // A CR at the end of the previous chunk may be the first half of a CRLF.
    if (this.pendingCarriageReturn && text.startsWith("\n")) text = text.slice(1);
    this.pendingCarriageReturn = text.endsWith("\r");
    this.buffer += text;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? "";
    const events: string[] = [];
    for (const line of lines) {
      const data = this.handleLine(line);
      if (data !== null) events.push(data);
    }
    return events;
  }

  /** Returns an event's data when `line` is the blank line that ends it. */
  private handleLine(line: string): string | null {
    if (line === "") {
      if (this.dataLines.length === 0) return null;
      const data = this.dataLines.join("\n");
      this.dataLines = [];
      return data;
    }
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.dataLines.push(value);
    return null;
  }
}
