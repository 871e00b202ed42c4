/** What an importer extracts from a file: ready to store as a "document" context item. */
export interface ImportedDocument {
  /** A label: the e-mail's subject, else the file name without its extension. */
  title: string;
  /** The file's name only (never its folder: paths name the machine's user). */
  sourceName: string;
  mime: string;
  /** Normalized text (see normalizeText); never empty. */
  text: string;
}
