// End to end with the real Microsoft 365 Agents Playground as the Teams client and connector:
// install → welcome card, help → help card, in English and Japanese, a card button, a channel @mention,
// and a screenshot of the chat in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startBot, startPlayground, cardOf, cardTitle, root } from './harness.mjs';
import { launchChromium } from './chromium.mjs';

let bot;
let playground;
let config;
let welcomeId;

before(async () => {
  bot = await startBot();
  playground = await startPlayground(bot.endpoint);
  await playground.connect();
  config = await playground.config();
});

after(() => { playground?.stop(); bot?.stop(); });

function activity(type, conversation, extra) {
  return {
    type,
    id: `custom-${Date.now()}-${Math.random().toString(16).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: `${playground.base}/_connector`,
    from: { id: config.currentUser.id, name: config.currentUser.name, aadObjectId: config.currentUser.aadObjectId },
    recipient: { id: config.bot.id, name: config.bot.name },
    conversation,
    locale: 'ja-JP',
    entities: [{ type: 'clientInfo', locale: 'ja-JP', country: 'JP', timezone: 'Asia/Tokyo' }],
    channelData: { tenant: { id: config.tenantId } },
    ...extra,
  };
}

test('install in the personal chat sends one English welcome card', async () => {
  await playground.install('personal-chat-id');

  const welcome = await playground.next('personal-chat-id', m => cardOf(m));
  assert.equal(cardTitle(welcome), 'Welcome to ProBonoBot');
  assert.equal(cardOf(welcome).version, '1.5');
  welcomeId = welcome.messageId;
});

test('help answers with the help card', async () => {
  await playground.say('personal-chat-id', 'help');

  const help = await playground.next('personal-chat-id', m => cardOf(m));
  assert.equal(cardTitle(help), 'What I can do');
});

test('the welcome card button "What can you do?" answers with the help card', async () => {
  await playground.submit('personal-chat-id', welcomeId, { verb: 'help' });

  const help = await playground.next('personal-chat-id', m => cardOf(m));
  assert.equal(cardTitle(help), 'What I can do');
});

test('a ja-JP client gets the help card in Japanese', async () => {
  await playground.custom(activity('message', { id: 'personal-chat-id', conversationType: 'personal', tenantId: config.tenantId }, { text: 'help', textFormat: 'plain' }));

  const help = await playground.next('personal-chat-id', m => cardOf(m));
  assert.equal(cardTitle(help), 'できること');
});

test('install from a ja-JP client sends the welcome card in Japanese', async () => {
  await playground.custom(activity('installationUpdate', { id: 'group-chat-id', conversationType: 'groupChat', tenantId: config.tenantId }, { action: 'add' }));

  const welcome = await playground.next('group-chat-id', m => cardOf(m));
  assert.equal(cardTitle(welcome), 'ProBonoBot へようこそ');
});

test('typing ヘルプ answers in Japanese, and 日本語 makes Japanese stick', async () => {
  await playground.say('personal-chat-id', 'ヘルプ');
  assert.equal(cardTitle(await playground.next('personal-chat-id', m => cardOf(m))), 'できること');

  await playground.say('personal-chat-id', '日本語');
  const confirmation = await playground.next('personal-chat-id', m => m.text);
  assert.match(confirmation.text, /日本語でお答えします/);

  await playground.say('personal-chat-id', 'help');
  assert.equal(cardTitle(await playground.next('personal-chat-id', m => cardOf(m))), 'できること');
});

test('installing in the team welcomes the channel; an @mention in the channel gets help', async () => {
  await playground.install('team-id');
  const welcome = await playground.next('team-id', m => cardOf(m));
  assert.match(cardOf(welcome).body[1].text, /Pro Bono Club/);

  await playground.say('team-id', '<at>ProBonoBot</at> help', 'user-id-0', [{ mentioned: { id: config.bot.id, name: config.bot.name }, text: '<at>ProBonoBot</at>' }]);
  const help = await playground.next('team-id', m => cardOf(m));
  assert.equal(cardTitle(help), 'できること'); // Haruka chose Japanese above
});

test('a person typing in the Playground web client sees the cards (screenshot)', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playground.base, { waitUntil: 'networkidle' });
    await page.getByText('Personal Chat').first().click();
    const editor = page.locator('[data-lexical-editor=true]');
    await editor.waitFor({ timeout: 20000 });

    for (const text of ['English', 'help']) {
      await editor.click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
    }

    await page.getByText('What I can do').last().waitFor({ timeout: 15000 });
    await page.getByText('Answer me in English.').last().waitFor({ timeout: 5000 });
    await page.waitForTimeout(500);
    mkdirSync(join(root, 'docs', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(root, 'docs', 'screenshots', 'playground-chat.png') });
  } finally {
    await browser.close();
  }
});
