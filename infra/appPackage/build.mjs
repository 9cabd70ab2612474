// Builds the Teams app package (a zip of manifest.json, ja.json and the two icons) with the app id, bot id
// and domain substituted:
//   node infra/appPackage/build.mjs --app-id <guid> --bot-id <guid> --domain <host> [--out build/appPackage.zip]
// The values also come from TEAMS_APP_ID, BOT_ID and BOT_DOMAIN (what `azd`/Agents Toolkit provisioning outputs).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, crc32 } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function substitute(text, values) {
  return text.replace(/\$\{\{(\w+)\}\}/g, (_, key) => {
    if (!(key in values)) throw new Error(`No value for \${{${key}}}`);
    return values[key];
  });
}

/** A minimal zip writer (deflate), enough for a Teams app package. */
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(files).length, 8); end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function build({ appId, botId, domain }) {
  if (!GUID.test(appId ?? '')) throw new Error('--app-id must be a GUID (the Teams app id).');
  if (!GUID.test(botId ?? '')) throw new Error('--bot-id must be a GUID (the bot\'s Entra app or managed identity client id).');
  if (!/^[a-z0-9.-]+$/i.test(domain ?? '') || domain.includes('/')) throw new Error('--domain must be a host name such as probonobot.azurewebsites.net.');
  const values = { TEAMS_APP_ID: appId, BOT_ID: botId, BOT_DOMAIN: domain };
  return {
    'manifest.json': substitute(readFileSync(join(here, 'manifest.json'), 'utf8'), values),
    'ja.json': substitute(readFileSync(join(here, 'ja.json'), 'utf8'), values),
    'color.png': readFileSync(join(here, 'color.png')),
    'outline.png': readFileSync(join(here, 'outline.png')),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, env) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : process.env[env]; };
  const out = resolve(arg('--out', 'APP_PACKAGE') ?? join(here, '..', '..', 'build', 'appPackage.zip'));
  const files = build({ appId: arg('--app-id', 'TEAMS_APP_ID'), botId: arg('--bot-id', 'BOT_ID'), domain: arg('--domain', 'BOT_DOMAIN') });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip(files));
  console.log(`wrote ${out}`);
}
