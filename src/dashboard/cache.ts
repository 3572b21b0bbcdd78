/**
 * Response bodies computed from the projection, kept until the projection or the indexed block changes (`version`)
 * and bounded by their total size, least recently used out first: a holder's investor view is built once per block
 * however often it is asked for.
 */
export class BodyCache {
  readonly #maxBytes: number;
  #version = "";
  #bytes = 0;
  readonly #bodies = new Map<string, string>();

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** The body for `key` at `version`: the cached one, or `build()`'s (cached when it fits). */
  get(key: string, version: string, build: () => string): string {
    if (version !== this.#version) {
      this.#bodies.clear();
      this.#bytes = 0;
      this.#version = version;
    }
    const hit = this.#bodies.get(key);
    if (hit !== undefined) {
      this.#bodies.delete(key);
      this.#bodies.set(key, hit); // most recently used last
      return hit;
    }
    const body = build();
    const size = body.length * 2; // UTF-16 code units: what the string holds in memory, roughly
    if (size > this.#maxBytes) return body;
    for (const [oldest, old] of this.#bodies) {
      if (this.#bytes + size <= this.#maxBytes) break;
      this.#bodies.delete(oldest);
      this.#bytes -= old.length * 2;
    }
    this.#bodies.set(key, body);
    this.#bytes += size;
    return body;
  }

  /** Bodies held and their size (for tests). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.#bodies.size, bytes: this.#bytes };
  }
}
