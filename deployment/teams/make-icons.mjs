// Draws the Teams app icons once: color.png (192x192, full colour) and outline.png (32x32, white on
// transparent). Plain Node, no dependencies: `node deployment/teams/make-icons.mjs`. The PNGs are checked in.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes an RGBA image (pixel(x, y) returns [r, g, b, a]) as an 8-bit RGBA PNG. */
function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A leaf: an ellipse turned 45 degrees, with a midrib; coordinates in units of the icon size. */
function leaf(u, v) {
  const cx = u - 0.5;
  const cy = v - 0.5;
  const along = (cx - cy) / Math.SQRT2;
  const across = (cx + cy) / Math.SQRT2;
  const inside = (along / 0.36) ** 2 + (across / 0.17) ** 2 <= 1;
  const midrib = Math.abs(across) < 0.018 && Math.abs(along) < 0.3;
  const stem = Math.abs(across) < 0.02 && along < -0.3 && along > -0.44;
  return { inside: inside || stem, midrib };
}

const accent = [0x2e, 0x7d, 0x6b];
const color = png(192, (x, y) => {
  const { inside, midrib } = leaf((x + 0.5) / 192, (y + 0.5) / 192);
  if (inside && !midrib) return [255, 255, 255, 255];
  return [...accent, 255];
});
const outline = png(32, (x, y) => {
  const { inside, midrib } = leaf((x + 0.5) / 32, (y + 0.5) / 32);
  return inside && !midrib ? [255, 255, 255, 255] : [0, 0, 0, 0];
});

writeFileSync(join(here, 'color.png'), color);
writeFileSync(join(here, 'outline.png'), outline);
console.log('wrote deployment/teams/color.png (192x192) and deployment/teams/outline.png (32x32)');
