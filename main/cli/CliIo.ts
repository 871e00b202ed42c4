/** What a CLI command gets: its streams and the data directory. Tests pass their own. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  dataDir: string;
}

/** Exit codes: 0 ok, 1 the operation failed (message on stderr), 2 bad usage. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
