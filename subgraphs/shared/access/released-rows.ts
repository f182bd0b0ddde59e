/**
 * The rows a request's scoped loaders (and services) have released to the caller. The shield's
 * entity rules ask only "was this row released?", so a policy is evaluated once per record per
 * request — in the loader — and a row that bypassed every loader (a resolver returning raw
 * repository rows, say) can never reach a client: its fields are denied.
 */
export class ReleasedRows {
  readonly #keys = new Set<string>();

  release(type: string, id: string): void {
    this.#keys.add(`${type}\u0000${id}`);
  }

  has(type: string, id: string): boolean {
    return this.#keys.has(`${type}\u0000${id}`);
  }
}
