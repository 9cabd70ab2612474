// Writes the screenshot gallery (docs/gallery): every card the bot sends (the golden files) and every sentence it
// writes (the string files), in English and Japanese, rendered by the official Adaptive Cards renderer (npm
// adaptivecards) and markdown-it in headless Chromium, cropped to ~480 px, with an index page that puts the two
// languages side by side. Run `bash scripts/gallery` (or `node tests/node/gallery.mjs`) after changing a card or a
// string, and commit the result: the gallery is documentation, reviewed like the text it shows. The test run
// (cards-render.test.mjs) writes its own PNGs outside the repository.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { launchChromium } from './chromium.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const goldenDir = join(root, 'tests', 'ProBonoBot.Cards.Tests', 'Golden');
const stringsDir = join(root, 'cards', 'ProBonoBot.Cards', 'Strings');
const outDir = join(root, 'docs', 'gallery');
const WIDTH = 480;

// Labels (buttons, facts, headings) are seen in the cards; the message pages show what reads as a sentence.
export function isSentence(en) {
  return /[.!?…:)]$|[.!?] /.test(en.trim()) || en.length > 48;
}

// Every string as [key path, value], in file order.
export function flatten(node, path = []) {
  if (typeof node === 'string') return [[path.join('.'), node]];
  if (Array.isArray(node)) return node.flatMap((v, i) => flatten(v, [...path, String(i + 1)]));
  return Object.entries(node).flatMap(([k, v]) => flatten(v, [...path, k]));
}

const section = key => (key.includes('.') && !/^(welcomeSteps|helpCommands|helpAiLines)\./.test(key) ? key.split('.')[0] : 'general');

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

async function main() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'cards'), { recursive: true });
  mkdirSync(join(outDir, 'messages'), { recursive: true });

  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH + 32, height: 900 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; padding: 16px; background: #f5f5f5; font-family: 'Segoe UI', 'Noto Sans CJK JP', 'Noto Sans', sans-serif; font-size: 14px; }
      #card { width: ${WIDTH}px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
      .ac-pushButton { border: 1px solid #c8c8c8; border-radius: 4px; background: #fff; padding: 6px 12px; font: inherit; }
      #messages { width: ${WIDTH}px; }
      .key { color: #666; font: 11px monospace; margin: 6px 0 1px; }
      .bubble { background: #fff; border-radius: 6px; padding: 3px 10px; box-shadow: 0 1px 2px rgba(0,0,0,.15); }
      .bubble p { margin: 3px 0; } .bubble ul { margin: 4px 0; padding-left: 20px; }
      .arg { background: #fff4ce; border-radius: 3px; padding: 0 3px; font-family: monospace; }
    </style></head><body><div id="card"></div><div id="messages"></div></body></html>`);
    await page.addScriptTag({ path: require.resolve('markdown-it/dist/markdown-it.min.js') });
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });

    // Cards: one PNG each, cropped to the card.
    const cards = readdirSync(goldenDir).filter(f => f.endsWith('.json')).sort().map(f => f.replace(/\.json$/, ''));
    for (const name of cards) {
      const json = JSON.parse(readFileSync(join(goldenDir, `${name}.json`), 'utf8'));
      await page.evaluate((card) => {
        const AC = window.AdaptiveCards;
        const md = window.markdownit();
        AC.AdaptiveCard.onProcessMarkdown = (text, r) => { r.outputHtml = md.render(text); r.didProcess = true; };
        const adaptiveCard = new AC.AdaptiveCard();
        adaptiveCard.hostConfig = new AC.HostConfig({ fontFamily: "'Segoe UI', 'Noto Sans CJK JP', sans-serif", supportsInteractivity: true });
        adaptiveCard.parse(card, new AC.SerializationContext());
        document.getElementById('messages').innerHTML = '';
        const host = document.getElementById('card');
        host.innerHTML = '';
        const rendered = adaptiveCard.render();
        if (rendered) host.appendChild(rendered);
      }, json);
      await page.locator('#card').screenshot({ path: join(outDir, 'cards', `${name}.png`) });
    }

    // Messages: per section and language, every sentence as Teams shows a markdown message; {0} marks what is filled in.
    const en = flatten(JSON.parse(readFileSync(join(stringsDir, 'en.json'), 'utf8')));
    const ja = new Map(flatten(JSON.parse(readFileSync(join(stringsDir, 'ja.json'), 'utf8'))));
    const sentences = en.filter(([, text]) => isSentence(text));
    const sections = [...new Set(sentences.map(([key]) => section(key)))];
    for (const name of sections) {
      for (const [lang, lookup] of [['en', new Map(en)], ['ja', ja]]) {
        const items = sentences.filter(([key]) => section(key) === name).map(([key]) => ({ key, text: lookup.get(key) ?? '' }));
        await page.evaluate(({ items, escaped }) => {
          const md = window.markdownit();
          document.getElementById('card').innerHTML = '';
          const host = document.getElementById('messages');
          host.innerHTML = items.map((item, i) =>
            `<div class="key">${escaped[i]}</div><div class="bubble">${md.render(item.text).replace(/\{(\d+)\}/g, '<span class="arg">$1</span>')}</div>`).join('');
        }, { items, escaped: items.map(i => escapeHtml(i.key)) });
        await page.locator('#messages').screenshot({ path: join(outDir, 'messages', `${name}.${lang}.png`) });
      }
    }

    writeFileSync(join(outDir, 'README.md'), index(cards, sections));
  } finally {
    await browser.close();
  }

  const files = [...readdirSync(join(outDir, 'cards')).map(f => join(outDir, 'cards', f)), ...readdirSync(join(outDir, 'messages')).map(f => join(outDir, 'messages', f))];
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(`docs/gallery: ${files.length} PNGs, ${(bytes / 1024 / 1024).toFixed(2)} MB`);
}

function index(cards, sections) {
  const base = n => n.replace(/\.(en|ja|both)$/, '');
  const lines = [
    '# Gallery: every card and message, in English and Japanese',
    '',
    'Generated by `bash scripts/gallery` (see [docs/cards.md](../cards.md)): the golden card files rendered by the official',
    'Adaptive Cards renderer in headless Chromium, and every sentence of the string files as a chat message (a highlighted',
    'number such as <code>0</code> is where the bot fills in a value). Regenerate it after changing a card or a string and',
    'commit it with the change. A project in Japanese and English posts one bilingual card (labels “日本語 / English”).',
    '',
    '## Cards',
    '',
    '| card | English | 日本語 |',
    '|---|---|---|',
  ];
  for (const name of [...new Set(cards.map(base))]) {
    const cell = lang => cards.filter(c => c === `${name}.${lang}` || (lang === 'en' && c === `${name}.both`))
      .map(c => `![${c}](cards/${c}.png)`).join(' ') || '—';
    lines.push(`| ${name}${cards.includes(`${name}.both`) ? ' (bilingual)' : ''} | ${cell('en')} | ${cell('ja')} |`);
  }
  lines.push('', '## Messages', '', '| section | English | 日本語 |', '|---|---|---|');
  for (const name of sections) {
    lines.push(`| ${name} | ![${name}.en](messages/${name}.en.png) | ![${name}.ja](messages/${name}.ja.png) |`);
  }
  return lines.join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
