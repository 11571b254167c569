/**
 * The central directory of a zip file (an .xlsx is one), read without unpacking anything: each entry's name, method,
 * flags, sizes and where its data starts, and a stream of an entry's unpacked bytes. This lets a workbook be measured
 * before ExcelJS loads it whole into memory (APPNOTE.TXT 4.3: end of central directory, ZIP64, data descriptors).
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else ExcelJS cannot read. */
  method: number;
  /** General-purpose flags: bit 0 means the entry is encrypted. */
  flags: number;
  compressedSize: number;
  /** As the directory declares it; a hostile file may lie, so unpacked bytes are counted, not trusted. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: "noDirectory" | "damaged" | "tooManyEntries" };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** A 64-bit little-endian size that must fit a JavaScript integer (a file under the size limit always does). */
function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

/** The entries of the zip at `path`, at most `maxEntries` of them. */
export function readZipDirectory(path: string, maxEntries: number): ZipDirectory {
  const size = statSync(path).size;
  const fd = openSync(path, "r");
  try {
    const tailLength = Math.min(size, 22 + MAX_COMMENT); // int: bytes
    const tailStart = size - tailLength; // int: file offset
    const tail = readAt(fd, tailStart, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) { // int: byte index
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return { ok: false, reason: "noDirectory" };
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const at = eocd - 20; // int: byte index
      if (at < 0 || tail.readUInt32LE(at) !== ZIP64_LOCATOR) return { ok: false, reason: "damaged" };
      const record = readAt(fd, u64(tail, at + 8), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) return { ok: false, reason: "damaged" };
      count = u64(record, 32);
      cdSize = u64(record, 40);
      cdOffset = u64(record, 48);
    }
    if (count > maxEntries) return { ok: false, reason: "tooManyEntries" };
    if (cdOffset + cdSize > size) return { ok: false, reason: "damaged" };
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0; // int: byte index
    for (let i = 0; i < count; i++) { // int: entry index
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) return { ok: false, reason: "damaged" };
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        flags: cd.readUInt16LE(p + 8),
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        uncompressedSize: cd.readUInt32LE(p + 24),
        localHeaderOffset: cd.readUInt32LE(p + 42),
        name: cd.toString("utf8", p + 46, p + 46 + nameLength), // int: byte index
      };
      readZip64Extra(cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry); // int: byte index
      entries.push(entry);
      p += 46 + nameLength + extraLength + commentLength; // int: byte index
    }
    return { ok: true, entries };
  } finally {
    closeSync(fd);
  }
}

/** ZIP64 extra field (id 1): the 64-bit values of those fields the directory left at 0xFFFFFFFF, in this order. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  let p = 0; // int: byte index
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4; // int: byte index
      const take = () => {
        const v = q + 8 <= p + 4 + length ? u64(extra, q) : undefined; // int: byte index
        q += 8; // int: byte index
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take() ?? entry.uncompressedSize;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take() ?? entry.localHeaderOffset;
      return;
    }
    p += 4 + length; // int: byte index
  }
}

/** The unpacked bytes of a stored or deflated entry, or undefined when its local header is not where the directory says. */
export function entryStream(path: string, entry: ZipEntry): Readable | undefined {
  const fd = openSync(path, "r");
  let header: Buffer;
  try {
    header = readAt(fd, entry.localHeaderOffset, 30);
  } finally {
    closeSync(fd);
  }
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) return undefined;
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28); // int: file offset
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1 }); // int: file offset
  if (entry.method === 0) return raw;
  const inflate = createInflateRaw();
  raw.on("error", (e) => inflate.destroy(e));
  return raw.pipe(inflate);
}
