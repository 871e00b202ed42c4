/** One numbered schema change. Migrations run in order, each in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Rebuilds a table other tables reference: the runner turns foreign keys off around the
   * transaction (a no-op inside one) and checks them before committing. Default false.
   */
  foreignKeysOff?: boolean;
}
