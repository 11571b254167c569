/**
 * Test helper (not a test): builders of hostile files, byte by byte — zip archives with chosen (or forged) sizes,
 * deflate bombs that unpack to hundreds of MB from a few KB, a workbook with one part replaced, and an OLE compound
 * file such as Office writes for a password-protected workbook.
 */
import * as fs from "node:fs";
import { deflateRawSync, constants } from "node:zlib";
import { entryStream, readZipDirectory } from "../../src/cli/xlsx/zip";

/** CRC-32 as zip stores it (zlib.crc32 is only in Node ≥ 20.15). */
export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipPart {
  name: string;
  /** The part's bytes; for a bomb, leave it out and give `deflated` and `size`. */
  data?: Buffer;
  /** Raw deflate data to store as is (method 8). */
  deflated?: Buffer;
  /** The unpacked size the directory declares (a forged one to test that sizes are measured, not trusted). */
  size?: number;
  /** 0 stored, 8 deflated (default 8). */
  method?: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
}

/** A zip archive of the given parts. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const method = part.deflated ? 8 : part.method ?? 8;
    const data = part.data ?? Buffer.alloc(0);
    const body = part.deflated ?? (method === 8 ? deflateRawSync(data) : data);
    const crc = part.data ? crc32(data) : 0;
    const size = part.size ?? data.length;
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Raw deflate data that unpacks to `chunk` repeated `times` times, without ever holding the whole: the chunk is
 * compressed once into non-final blocks ending on a byte boundary (a sync flush), repeated, and closed by an empty
 * final block. 1 MB of repetitive XML compresses to about 1 KB, so 300 MB of sheet XML takes 300 KB.
 */
export function deflateBomb(chunk: Buffer, times: number): Buffer {
  const block = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: times }, () => block), Buffer.from([0x03, 0x00])]);
}

/** The parts of a real zip file (an .xlsx written by exceljs), by name. */
export async function partsOf(file: string): Promise<Map<string, Buffer>> {
  const dir = readZipDirectory(file, 1000);
  if (!dir.ok) throw new Error(`not a zip: ${file}`);
  const out = new Map<string, Buffer>();
  for (const e of dir.entries) {
    const chunks: Buffer[] = [];
    for await (const c of entryStream(file, e)!) chunks.push(c as Buffer);
    out.set(e.name, Buffer.concat(chunks));
  }
  return out;
}

/** A real workbook with some parts replaced (a sheet's XML by a bomb …), written to `target`. */
export async function workbookWith(source: string, target: string, replace: Record<string, Omit<ZipPart, "name">>): Promise<string> {
  const parts = await partsOf(source);
  const list: ZipPart[] = [...parts.entries()].map(([name, data]) => (name in replace ? { name, ...replace[name] } : { name, data }));
  fs.writeFileSync(target, zipOf(list));
  return target;
}

/** Sheet XML around the given `<sheetData>` content. */
export const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/**
 * An OLE compound file (MS-CFB, version 3) holding the given streams, as Office stores a password-protected workbook
 * (streams EncryptionInfo and EncryptedPackage) and Excel 97-2003 a .xls (stream Workbook). Streams are padded to
 * 4 096 bytes so they live in regular sectors (no mini stream).
 */
export function compoundFile(streams: Record<string, Buffer>): Buffer {
  const names = Object.keys(streams);
  const bodies = names.map((n) => {
    const b = streams[n];
    const size = Math.max(4096, Math.ceil(b.length / SECTOR) * SECTOR);
    return Buffer.concat([b, Buffer.alloc(size - b.length)]);
  });
  const dirSectors = Math.ceil(((names.length + 1) * 128) / SECTOR);
  const dataSectors = bodies.reduce((n, b) => n + b.length / SECTOR, 0);
  const fat = new Array<number>(SECTOR / 4).fill(FREE);
  fat[0] = FAT_SECTOR;
  let next = 1;
  const chain = (count: number): number => {
    const start = next;
    for (let i = 0; i < count; i++) fat[next + i] = i === count - 1 ? END_OF_CHAIN : next + i + 1;
    next += count;
    return start;
  };
  if (1 + dirSectors + dataSectors > SECTOR / 4) throw new Error("streams too large for one FAT sector");
  const dirStart = chain(dirSectors);
  const starts = bodies.map((b) => chain(b.length / SECTOR));

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 60); // no mini FAT
  header.writeUInt32LE(END_OF_CHAIN, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 76 + i * 4);

  const entry = (name: string, type: number, start: number, size: number, child: number, right: number) => {
    const e = Buffer.alloc(128);
    const n = Buffer.from(`${name}\u0000`, "utf16le");
    n.copy(e, 0);
    e.writeUInt16LE(n.length, 64);
    e.writeUInt8(type, 66); // 1 storage, 2 stream, 5 root
    e.writeUInt8(1, 67); // black
    e.writeUInt32LE(FREE, 68); // left sibling
    e.writeUInt32LE(right, 72);
    e.writeUInt32LE(child, 76);
    e.writeUInt32LE(start, 116);
    e.writeUInt32LE(size, 120);
    return e;
  };
  const entries = [entry("Root Entry", 5, END_OF_CHAIN, 0, names.length > 0 ? 1 : FREE, FREE)];
  names.forEach((n, i) => entries.push(entry(n, 2, starts[i], streams[n].length, FREE, i + 2 <= names.length ? i + 2 : FREE)));
  const dir = Buffer.concat([...entries, Buffer.alloc(dirSectors * SECTOR - entries.length * 128)]);
  const fatSector = Buffer.alloc(SECTOR);
  fat.forEach((v, i) => fatSector.writeUInt32LE(v >>> 0, i * 4));
  return Buffer.concat([header, fatSector, dir, ...bodies]);
}
