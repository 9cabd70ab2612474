// Every card the bot sends (the golden files) is parsed, validated and rendered by the official Adaptive Cards
// renderer (npm adaptivecards 3.0.6) in headless Chromium: zero parse or validation errors, and a PNG per card
// (under artifacts/cards).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { launchChromium } from './chromium.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const goldenDir = join(root, 'tests', 'ProBonoBot.Cards.Tests', 'Golden');
// PNGs of a test run stay out of the repository (artifacts/ is ignored); the committed gallery is docs/gallery,
// written by `bash scripts/gallery`.
const outDir = join(root, 'artifacts', 'cards');
const goldens = readdirSync(goldenDir).filter(f => f.endsWith('.json')).sort();

let browser;
let page;

before(async () => {
  mkdirSync(outDir, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 520, height: 900 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; padding: 16px; background: #f5f5f5; font-family: 'Segoe UI', 'Noto Sans CJK JP', 'Noto Sans', sans-serif; }
    #card { width: 480px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
    .ac-pushButton { border: 1px solid #c8c8c8; border-radius: 4px; background: #fff; padding: 6px 12px; font: inherit; }
  </style></head><body><div id="card"></div></body></html>`);
  await page.addScriptTag({ path: require.resolve('markdown-it/dist/markdown-it.min.js') });
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
});

after(async () => { await browser?.close(); });

test('the checker catches a broken card (negative control)', async () => {
  const errors = await page.evaluate(() => {
    const AC = window.AdaptiveCards;
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    card.parse({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'NoSuchElement' }, { type: 'TextBlock', text: 'x', size: 'Gigantic' },
      { type: 'Input.ChoiceSet', id: 'a', choices: [] }, { type: 'Input.Text', id: 'a' }] }, context);
    return context.eventCount + card.validateProperties().validationEvents.length;
  });
  assert.ok(errors >= 2, `expected errors from a broken card, got ${errors}`);
});

test('there are golden cards to render', () => {
  assert.ok(goldens.length >= 10, `expected the golden cards, found ${goldens.length}`);
});

for (const file of goldens) {
  test(`renders ${file} with no parse or validation errors`, async () => {
    const json = JSON.parse(readFileSync(join(goldenDir, file), 'utf8'));
    const result = await page.evaluate((card) => {
      const AC = window.AdaptiveCards;
      const md = window.markdownit();
      AC.AdaptiveCard.onProcessMarkdown = (text, r) => { r.outputHtml = md.render(text); r.didProcess = true; };
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.hostConfig = new AC.HostConfig({ fontFamily: "'Segoe UI', 'Noto Sans CJK JP', sans-serif", supportsInteractivity: true });
      const context = new AC.SerializationContext();
      adaptiveCard.parse(card, context);
      const parseErrors = [];
      for (let i = 0; i < context.eventCount; i++) {
        const e = context.getEventAt(i);
        parseErrors.push(`${e.phase}/${e.event}: ${e.message}`);
      }
      const validation = adaptiveCard.validateProperties();
      const validationErrors = [];
      for (let i = 0; i < validation.validationEvents.length; i++) {
        validationErrors.push(validation.validationEvents[i].message);
      }
      const host = document.getElementById('card');
      host.innerHTML = '';
      const rendered = adaptiveCard.render();
      if (rendered) host.appendChild(rendered);
      return { parseErrors, validationErrors, rendered: !!rendered, text: host.innerText };
    }, json);

    assert.deepEqual(result.parseErrors, [], 'parse errors');
    assert.deepEqual(result.validationErrors, [], 'validation errors');
    assert.ok(result.rendered, 'the card rendered');
    // The first TextBlock's text as a reader sees it: markdown emphasis and escapes removed.
    const firstText = json.body.find(b => b.type === 'TextBlock').text.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');
    assert.ok(result.text.includes(firstText), `rendered text shows "${firstText}"`);
    await page.locator('#card').screenshot({ path: join(outDir, file.replace(/\.json$/, '.png')) });
  });
}

// Issue 12 (the help card hid "sign up <number>"): a host whose markdown lets HTML through, as Teams and the Playground do,
// takes "<number>" for a tag and shows nothing. For every card, each piece of text a reader sees (text blocks, facts,
// button titles, also inside Action.ShowCard) is rendered that way, and every "<…>" or "&…;" in it must be shown as written.
const shownAsWritten = async (card) => page.evaluate((card) => {
  const AC = window.AdaptiveCards;
  const md = window.markdownit({ html: true });
  AC.AdaptiveCard.onProcessMarkdown = (text, r) => { r.outputHtml = md.render(text); r.didProcess = true; };
  const texts = [];
  const walk = (node) => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (!node || typeof node !== 'object') return;
    if ((node.type === 'TextBlock' || node.type === 'TextRun') && typeof node.text === 'string') texts.push(node.text);
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && typeof node.title === 'string') texts.push(node.title);
    for (const f of Array.isArray(node.facts) ? node.facts : []) texts.push(f.title ?? '', f.value ?? '');
    for (const [key, value] of Object.entries(node)) if (key !== 'data' && key !== 'fallback') walk(value);
  };
  walk(card);
  const host = document.getElementById('card');
  host.innerHTML = '';
  const parts = [card, ...(card.actions ?? []).filter(a => a.type === 'Action.ShowCard').map(a => ({ type: 'AdaptiveCard', version: '1.5', body: a.card.body }))];
  for (const part of parts) {
    const adaptiveCard = new AC.AdaptiveCard();
    adaptiveCard.hostConfig = new AC.HostConfig({ supportsInteractivity: true });
    adaptiveCard.parse(part, new AC.SerializationContext());
    const rendered = adaptiveCard.render();
    if (rendered) host.appendChild(rendered);
  }
  const shown = host.textContent;
  const lost = [];
  for (const text of texts) {
    // What the card means to show: markdown escapes (\<) undone.
    const meant = text.replace(/\\(.)/g, '$1');
    for (const token of meant.match(/<[^<>\n]*>|&#?[a-zA-Z0-9]+;/g) ?? []) {
      if (!shown.includes(token)) lost.push(`${token} in "${text}"`);
    }
  }
  return lost;
}, card);

test('the text check catches a placeholder the renderer eats (negative control)', async () => {
  const lost = await shownAsWritten({ type: 'AdaptiveCard', version: '1.5', body: [
    { type: 'FactSet', facts: [{ title: 'sign up <number>', value: 'x' }] }, { type: 'TextBlock', text: 'withdraw <number>' }] });
  assert.equal(lost.length, 2, JSON.stringify(lost));
});

for (const file of goldens) {
  test(`${file}: no text dropped or changed by the renderer (<…>, &…;)`, async () => {
    const lost = await shownAsWritten(JSON.parse(readFileSync(join(goldenDir, file), 'utf8')));
    assert.deepEqual(lost, [], 'text the renderer did not show as written');
  });
}

// Issue 10 (safe text): the same cards with a hostile string in every user-text field (Golden/hostile, written by
// tests/ProBonoBot.Cards.Tests/HostileTextTests.cs). Rendered with linkify on, as Teams links bare addresses: no
// image, no mention and no link may come from user text — a link is allowed only when its text is its own address
// (it deceives nobody) or it is one of our own links.
const hostileDir = join(goldenDir, 'hostile');
const hostiles = readdirSync(hostileDir).filter(f => f.endsWith('.json')).sort();
const ownLinkPrefix = 'https://bot.example.com/';

test('the hostile check catches unescaped user text (negative control)', async () => {
  const found = await page.evaluate(() => {
    const md = window.markdownit({ linkify: true });
    const div = document.createElement('div');
    div.innerHTML = md.render('[Re-verify](https://evil.example/login) ![x](https://evil.example/p.png)');
    return { links: div.querySelectorAll('a').length, images: div.querySelectorAll('img').length };
  });
  assert.deepEqual(found, { links: 1, images: 1 });
});

test('there are hostile cards to render', () => {
  assert.ok(hostiles.length >= 10, `expected the hostile cards, found ${hostiles.length}`);
});

for (const file of hostiles) {
  test(`hostile ${file}: no link, image or mention from user text`, async () => {
    const json = JSON.parse(readFileSync(join(hostileDir, file), 'utf8'));
    const result = await page.evaluate((card) => {
      const AC = window.AdaptiveCards;
      const md = window.markdownit({ linkify: true });
      AC.AdaptiveCard.onProcessMarkdown = (text, r) => { r.outputHtml = md.render(text); r.didProcess = true; };
      const hostConfig = new AC.HostConfig({ supportsInteractivity: true });
      const renderCard = (json) => {
        const adaptiveCard = new AC.AdaptiveCard();
        adaptiveCard.hostConfig = hostConfig;
        adaptiveCard.parse(json, new AC.SerializationContext());
        return adaptiveCard.render();
      };
      const host = document.getElementById('card');
      host.innerHTML = '';
      // The card, then what its Action.ShowCard buttons open (Details, previews), which the renderer builds on click.
      const parts = [card, ...(card.actions ?? []).filter(a => a.type === 'Action.ShowCard')
        .map(a => ({ type: 'AdaptiveCard', version: '1.5', body: a.card.body }))];
      for (const part of parts) {
        const rendered = renderCard(part);
        if (rendered) host.appendChild(rendered);
      }
      const links = [...host.querySelectorAll('a')].map(a => ({ href: a.getAttribute('href'), text: a.textContent }));
      return {
        links,
        images: host.querySelectorAll('img').length,
        mentions: host.querySelectorAll('at').length,
        text: host.textContent,
      };
    }, json);

    assert.equal(result.images, 0, 'images');
    assert.equal(result.mentions, 0, 'mention elements');
    const deceptive = result.links.filter(l => !(l.href ?? '').startsWith(ownLinkPrefix) && l.text.replace(/\/$/, '') !== (l.href ?? '').replace(/\/$/, ''));
    assert.deepEqual(deceptive, [], 'links whose text is not their own address');
    if (file !== 'project-form.json' && file !== 'manual-choose.json') {
      assert.ok(result.text.includes('[Re-verify](https://evil.example/login)'), 'the hostile text is shown as typed');
    }
  });
}
