/**
 * The ids an import has seen, with where each was first seen (file and line): for duplicate ids,
 * references resolved within the import, and what a replace keeps. An import of a million records
 * keeps a million ids; a JS Set of them plus a Map of "file:line" strings took about 220 MB, this
 * about 40 MB: the ids' bytes in one growing arena, an open-addressing table of ordinals, and the
 * places in typed arrays. Exact (ids are compared byte for byte, a hash only finds the slot).
 * Hand-written because no maintained package offers a compact exact string set for Node.
 */
export class IdIndex {
  private arena = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** Per ordinal: where its bytes start in the arena (the next ordinal's start is its end), its file and line. */
  private starts = new Uint32Array(1024);
  private files = new Uint16Array(1024);
  private lines = new Uint32Array(1024);
  /** Open addressing, linear probing: ordinal + 1 per slot, 0 = empty. Kept at most half full. */
  private slots = new Uint32Array(2048);
  private scratch = Buffer.allocUnsafe(256);
  size = 0;

  has(id: string): boolean {
    return this.find(id) >= 0;
  }

  /** Where `id` was first seen, or null. */
  placeOf(id: string): { file: number; line: number } | null {
    const ordinal = this.find(id);
    return ordinal < 0 ? null : { file: this.files[ordinal], line: this.lines[ordinal] };
  }

  /** Adds `id` (seen in file number `file` at `line`); false when it was there already. */
  add(id: string, file = 0, line = 0): boolean {
    const bytes = this.encode(id);
    let slot = this.slotOf(bytes);
    for (;;) {
      const held = this.slots[slot];
      if (held === 0) break;
      if (this.equals(held - 1, bytes)) return false;
      slot = (slot + 1) & (this.slots.length - 1);
    }
    const ordinal = this.size++;
    this.reserve(bytes.length);
    this.starts[ordinal] = this.used;
    this.files[ordinal] = file;
    this.lines[ordinal] = line;
    bytes.copy(this.arena, this.used);
    this.used += bytes.length;
    this.starts[ordinal + 1] = this.used;
    this.slots[slot] = ordinal + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return true;
  }

  private find(id: string): number {
    const bytes = this.encode(id);
    for (let slot = this.slotOf(bytes); ; slot = (slot + 1) & (this.slots.length - 1)) {
      const held = this.slots[slot];
      if (held === 0) return -1;
      if (this.equals(held - 1, bytes)) return held - 1;
    }
  }

  private encode(id: string): Buffer {
    const length = Buffer.byteLength(id, 'utf8');
    if (length > this.scratch.length) this.scratch = Buffer.allocUnsafe(length * 2);
    this.scratch.write(id, 0, 'utf8');
    return this.scratch.subarray(0, length);
  }

  /** FNV-1a over the bytes, to a slot of the table. */
  private slotOf(bytes: Buffer): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    return (h >>> 0) & (this.slots.length - 1);
  }

  private equals(ordinal: number, bytes: Buffer): boolean {
    const start = this.starts[ordinal];
    const end = this.starts[ordinal + 1];
    return end - start === bytes.length && this.arena.compare(bytes, 0, bytes.length, start, end) === 0;
  }

  private reserve(bytes: number): void {
    if (this.used + bytes > this.arena.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.used + bytes));
      this.arena.copy(grown, 0, 0, this.used);
      this.arena = grown;
    }
    if (this.size + 1 >= this.starts.length) {
      const n = this.starts.length * 2;
      this.starts = grow(this.starts, new Uint32Array(n));
      this.files = grow(this.files, new Uint16Array(n));
      this.lines = grow(this.lines, new Uint32Array(n));
    }
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (const held of old) {
      if (held === 0) continue;
      const bytes = this.arena.subarray(this.starts[held - 1], this.starts[held]);
      let slot = this.slotOf(bytes);
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = held;
    }
  }
}

function grow<T extends Uint32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
