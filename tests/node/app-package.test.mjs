// The Teams app package: built with real ids, validated offline against the schemas bundled in
// @microsoft/app-manifest (manifest v1.28 and its localization schema), and the zip's contents checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { build, zip } from '../../infra/appPackage/build.mjs';

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require('@microsoft/app-manifest');
// The localization schema is draft-04 and its patterns are not valid as unicode regular expressions.
const AjvDraft04 = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const schemaDir = join(require.resolve('@microsoft/app-manifest/package.json'), '..', 'build', 'json-schemas', 'teams', 'v1.28');
const ids = { appId: '6f1b3c1e-6a8e-4b3e-9d2a-3c4b5d6e7f80', botId: 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff', domain: 'probonobot-demo.azurewebsites.net' };

function unzip(buffer) {
  const files = {};
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = buffer.readUInt32LE(at + 42);
    const size = buffer.readUInt32LE(at + 20);
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    files[name] = inflateRawSync(buffer.subarray(dataStart, dataStart + size));
    at += 46 + nameLength + extra;
  }
  return files;
}

function pngInfo(png) {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('ascii');
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.push([...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)]);
  return { width, height, colorType: png[25], pixels };
}

test('the built manifest validates against the v1.28 schema with no errors', async () => {
  const manifest = JSON.parse(build(ids)['manifest.json']);
  assert.equal(manifest.manifestVersion, '1.28');
  assert.deepEqual(await AppManifestUtils.validateAgainstSchema(manifest), []);
  assert.deepEqual(manifest.bots[0].scopes.sort(), ['groupChat', 'personal', 'team']);
  assert.equal(manifest.bots[0].botId, ids.botId);
  assert.deepEqual(manifest.validDomains, [ids.domain]);
  // Proactive installation through Graph: the app's Entra identity is the bot's (docs/proactive-install.md). The resource
  // is the one Teams SSO needs for a bot and a tab on one domain, and the one the dashboard's server accepts
  // (api://{host of Bot:PublicBaseUrl}/botid-{app id}, docs/dashboard.md).
  assert.deepEqual(manifest.webApplicationInfo, { id: ids.botId, resource: `api://${ids.domain}/botid-${ids.botId}` });
  // The leaders' dashboard: a personal tab next to the chat, and a channel/group tab configured from the same page.
  assert.deepEqual(manifest.staticTabs.map(t => t.entityId), ['conversations', 'dashboard']);
  const dashboard = manifest.staticTabs[1];
  assert.equal(dashboard.contentUrl, `https://${ids.domain}/dashboard?inTeams=1&lang={locale}`);
  assert.equal(new URL(dashboard.websiteUrl).host, ids.domain);
  assert.deepEqual(manifest.configurableTabs.map(t => new URL(t.configurationUrl).pathname), ['/dashboard/config']);
});

test('the checker rejects a broken manifest (negative control)', async () => {
  const manifest = JSON.parse(build(ids)['manifest.json']);
  delete manifest.bots[0].botId;
  manifest.accentColor = 'teal';
  assert.ok((await AppManifestUtils.validateAgainstSchema(manifest)).length >= 1);
});

test('the Japanese localization validates and every key points into the manifest', async () => {
  const files = build(ids);
  const ja = JSON.parse(files['ja.json']);
  const schema = JSON.parse(readFileSync(join(schemaDir, 'MicrosoftTeams.Localization.schema.json'), 'utf8'));
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  assert.ok(validate(ja), JSON.stringify(validate.errors));
  assert.ok(!validate({ ...ja, 'name.short': 'x'.repeat(31) }), 'negative control: too long a short name is rejected');
  assert.ok(!validate({ ...ja, 'no.such.key': 'x' }), 'negative control: unknown keys are rejected');
  const manifest = JSON.parse(files['manifest.json']);
  for (const key of Object.keys(ja).filter(k => k !== '$schema')) {
    const value = key.split('.').reduce((node, part) => {
      const m = part.match(/^(\w+)\[(\d+)\]$/);
      return m ? node?.[m[1]]?.[Number(m[2])] : node?.[part];
    }, manifest);
    assert.equal(typeof value, 'string', `${key} must name a string in manifest.json`);
  }
  assert.equal(manifest.localizationInfo.additionalLanguages[0].file, 'ja.json');
});

test('the zip holds exactly the manifest, the localization and two valid icons', () => {
  const dir = mkdtempSync(join(tmpdir(), 'probonobot-package-'));
  try {
    const path = join(dir, 'appPackage.zip');
    writeFileSync(path, zip(build(ids)));
    const files = unzip(readFileSync(path));
    assert.deepEqual(Object.keys(files).sort(), ['color.png', 'ja.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files['manifest.json'].toString('utf8'));
    assert.equal(manifest.id, ids.appId);
    assert.ok(!files['manifest.json'].toString().includes('${{'), 'every placeholder is substituted');

    const color = pngInfo(files['color.png']);
    assert.deepEqual([color.width, color.height], [192, 192]);
    const outline = pngInfo(files['outline.png']);
    assert.deepEqual([outline.width, outline.height, outline.colorType], [32, 32, 6]);
    assert.ok(outline.pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255)), 'outline: white on transparent');
    assert.ok(outline.pixels.some(p => p[3] === 0) && outline.pixels.some(p => p[3] === 255));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('building refuses ids that are not GUIDs or a domain with a path', () => {
  assert.throws(() => build({ ...ids, appId: 'not-a-guid' }), /GUID/);
  assert.throws(() => build({ ...ids, domain: 'https://example.com/bot' }), /host name/);
});
