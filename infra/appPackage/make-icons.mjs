// Draws the Teams app icons (no image library needed): color.png 192×192 on the accent colour, and
// outline.png 32×32, white on transparent, as Teams requires. Run once after changing the design:
//   node infra/appPackage/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Two people side by side (a team), drawn in unit coordinates: heads and shoulders.
function person(x, y, cx) {
  const head = Math.hypot(x - cx, y - 0.36) < 0.11;
  const body = y > 0.52 && y < 0.78 && Math.abs(x - cx) < 0.17 && Math.hypot(Math.max(0, Math.abs(x - cx) - 0.07), Math.max(0, 0.62 - y)) < 0.1;
  return head || body;
}
const team = (x, y) => person(x, y, 0.35) || person(x, y, 0.65);

writeFileSync(join(here, 'color.png'), png(192, (x, y) => (team(x, y) ? [255, 255, 255, 255] : [15, 123, 108, 255])));
writeFileSync(join(here, 'outline.png'), png(32, (x, y) => (team(x, y) ? [255, 255, 255, 255] : [0, 0, 0, 0])));
console.log('wrote color.png and outline.png');
