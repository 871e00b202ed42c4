/**
 * Logs are passed in, leveled and named per subsystem. They carry ids, sizes and timings —
 * never prompts, message text, private context or keys. `redactForLog` is the last guard for
 * values that might hold a secret.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(name: string): Logger;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogSink {
  (line: string): void;
}

/** A logger writing one JSON line per entry to `sink` (stderr by default in hosts). */
export function createLogger(options: { name: string; level?: LogLevel; sink: LogSink }): Logger {
  const min = LEVELS[options.level ?? "info"];
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (LEVELS[level] < min) return;
    options.sink(JSON.stringify({ t: new Date().toISOString(), level, name: options.name, msg: message, ...fields }));
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
    child: (name) => createLogger({ ...options, name: `${options.name}.${name}` }),
  };
}

/** A logger that drops everything (tests, library use). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
};
