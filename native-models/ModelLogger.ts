/**
 * The logging this layer needs. native-models/ may import only app/model and app/contract (see
 * eslint.config.js), so it states the shape instead of importing app/logging; the app's `Logger`
 * fits it as is.
 */
export type ModelLogFields = Record<string, string | number | boolean | null | undefined>;

export interface ModelLogger {
  debug(message: string, fields?: ModelLogFields): void;
  info(message: string, fields?: ModelLogFields): void;
  warn(message: string, fields?: ModelLogFields): void;
  error(message: string, fields?: ModelLogFields): void;
}

export const silentModelLogger: ModelLogger = { debug() {}, info() {}, warn() {}, error() {} };
