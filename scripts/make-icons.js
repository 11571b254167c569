#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-{16,32,64,80,128}.png) with Node built-ins only, so that the icons can be
 * regenerated on any machine without an image tool: `node scripts/make-icons.js`.
 *
 * The glyph: a blue rounded square with three rising white bars (an appraisal chart). Shapes are described in
 * unit coordinates (0..1) and sampled 4×4 per pixel, which gives smooth edges at every size.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.resolve(__dirname, "..", "assets");
const SUPERSAMPLE = 4;

const BACKGROUND = [0x0f, 0x6c, 0xbd]; // Fluent brand blue (#0F6CBD)
const FOREGROUND = [0xff, 0xff, 0xff];

/** Rising bars: [left, top, right, bottom] in unit coordinates. */
const BARS = [
  [0.2, 0.56, 0.35, 0.8],
  [0.425, 0.4, 0.575, 0.8],
  [0.65, 0.2, 0.8, 0.8],
];
const CORNER = 0.2; // radius of the background's rounded corners

function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  const dx = x - cx;
  const dy = y - cy;
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && dx * dx + dy * dy <= CORNER * CORNER;
}

function insideBar(x, y) {
  return BARS.some(([l, t, r, b]) => x >= l && x <= r && y >= t && y <= b);
}

/** RGBA pixels, row by row. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!insideRoundedSquare(x, y)) continue;
          cover++;
          if (insideBar(x, y)) white++;
        }
      }
      const o = (py * size + px) * 4;
      if (cover === 0) continue; // fully transparent
      const t = white / cover; // share of the covered area that is glyph
      for (let c = 0; c < 3; c++) pixels[o + c] = Math.round(BACKGROUND[c] * (1 - t) + FOREGROUND[c] * t);
      pixels[o + 3] = Math.round((255 * cover) / n);
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter "None" on every row
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const png = encodePng(size, draw(size));
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}: ${size}×${size}, ${png.length} bytes`);
  }
}

main();
