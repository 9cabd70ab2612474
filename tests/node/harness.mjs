// Starts the real bot (built dll) and the real Microsoft 365 Agents Playground on free ports, and drives the
// Playground over its HTTP routes and WebSocket like its own web client does.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const botDll = join(root, 'bot', 'ProBonoBot', 'bin', process.env.CONFIGURATION ?? 'Release', 'net10.0', 'ProBonoBot.dll');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
    server.on('error', reject);
  });
}

const sleep = (ms) => new Promise(r => setTimeout(r, ms));

export async function waitForHttp(url, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not up yet */ }
    await sleep(200);
  }
  throw new Error(`${url} did not come up in ${timeoutMs} ms`);
}

function startProcess(command, args, options) {
  // A process group of its own, so the Playground's second node process is stopped with it.
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  child.stdout.on('data', d => { child.output += d; });
  child.stderr.on('data', d => { child.output += d; });
  return child;
}

function stopProcess(child) {
  if (!child || child.exitCode !== null) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
}

export async function startBot(extraEnv = {}) {
  if (!existsSync(botDll)) throw new Error(`Build the bot first: ${botDll} is missing (the test command builds it).`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'probonobot-e2e-'));
  const child = startProcess('dotnet', [botDll], {
    cwd: join(root, 'bot', 'ProBonoBot'),
    env: {
      ...process.env,
      Urls: `http://127.0.0.1:${port}`,
      ConnectionStrings__ProBono: `Data Source=${join(dataDir, 'bot.db')}`,
      DOTNET_ENVIRONMENT: 'Development', ASPNETCORE_ENVIRONMENT: 'Development',
      ...extraEnv,
    },
  });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`);
  return { port, child, endpoint: `http://127.0.0.1:${port}/api/messages`, stop: () => { stopProcess(child); rmSync(dataDir, { recursive: true, force: true }); } };
}

export async function startPlayground(botEndpoint) {
  const port = await freePort();
  const logDir = mkdtempSync(join(tmpdir(), 'probonobot-playground-'));
  const child = startProcess(join(root, 'node_modules', '.bin', 'agentsplayground'),
    ['-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
      cwd: join(root, 'infra', 'playground'),
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: join(logDir, 'playground.log') },
    });
  const base = `http://localhost:${port}`;
  await waitForHttp(`${base}/_internal/v1/config`);
  return new Playground(base, child, logDir);
}

export class Playground {
  constructor(base, child, logDir) {
    this.base = base;
    this.child = child;
    this.logDir = logDir;
    this.messages = [];
  }

  async connect() {
    const ws = new WebSocket(`${this.base.replace('http', 'ws')}/_ws_conversation/v1/conversations/stream`);
    ws.onmessage = (e) => {
      const data = JSON.parse(e.data.toString());
      if (data.action) this.messages.push(data);
    };
    await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
    this.ws = ws;
  }

  /** The Playground's log stream carries every exchange, also other users' 1:1 chats the UI stream hides. */
  async connectLog() {
    this.logEntries = [];
    const ws = new WebSocket(`${this.base.replace('http', 'ws')}/_ws/log/stream`);
    ws.onmessage = (e) => {
      const data = JSON.parse(e.data.toString());
      for (const entry of [].concat(data)) if (entry?.log) this.logEntries.push(entry.log);
    };
    await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
    this.logWs = ws;
  }

  /** Waits for an activity the bot sent (as the Playground logged it) that satisfies the predicate. */
  async botSent(predicate, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    this.seenLog ??= new Set();
    while (Date.now() < deadline) {
      const found = this.logEntries.find(l => !this.seenLog.has(l) && l.from === 'User Application' && l.request?.body && predicate(l.request.body, l));
      if (found) { this.seenLog.add(found); return found.request.body; }
      await sleep(50);
    }
    throw new Error(`The bot did not send the expected activity; it sent: ${JSON.stringify(this.logEntries.filter(l => l.from === 'User Application')
      .map(l => [l.activityName, l.request?.body?.conversation?.id, cardTitle(l.request?.body) ?? l.request?.body?.text?.slice(0, 60)]))}`);
  }

  async post(path, body) {
    const r = await fetch(this.base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`${path} answered ${r.status}: ${await r.text()}`);
    const text = await r.text();
    return text ? JSON.parse(text) : undefined;
  }

  config() { return fetch(`${this.base}/_internal/v1/config`).then(r => r.json()).then(j => j.config); }

  install(conversationId) { return this.post(`/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {}); }

  say(conversationId, text, from = 'user-id-0', mentions = []) {
    return this.post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, { text, textFormat: 'plain', from: { id: from }, mentions });
  }

  submit(conversationId, replyToId, value, from = 'user-id-0') {
    return this.post('/_conversation/v1/submit', { conversation: { id: conversationId }, replyToId, value, from: { id: from } });
  }

  /** Sends an activity through the Playground's "custom activity" feature, e.g. with a ja-JP client locale. */
  custom(activity) { return this.post('/_internal/v1/customActivities', activity); }

  /**
   * A message typed by any configured user (the messages route always uses the current user): sent as a
   * Teams-shaped activity through the custom activity feature.
   */
  async sayAs(userId, conversation, text, locale = 'en-US', extra = {}) {
    const config = this.cachedConfig ??= await this.config();
    const user = [config.currentUser, ...config.users].find(u => u.id === userId);
    return this.custom({
      type: 'message', id: `as-${Date.now()}-${Math.random().toString(16).slice(2)}`, channelId: 'msteams', text, textFormat: 'plain',
      serviceUrl: `${this.base}/_connector`, locale,
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: config.bot.id, name: config.bot.name },
      conversation: { tenantId: config.tenantId, ...conversation },
      entities: [{ type: 'clientInfo', locale }],
      channelData: { tenant: { id: config.tenantId } },
      ...extra,
    });
  }

  /** Waits for the card of a bot message to be updated in place (PUT) to one satisfying the predicate. */
  async nextUpdate(conversationId, predicate, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.messages.find(m => m.action === 'updateMessage' && sameConversation(m.actionConversationId, conversationId) && predicate(m.message));
      if (found) return found.message;
      await sleep(50);
    }
    throw new Error(`No matching card update in ${conversationId}`);
  }

  /** Waits for the next bot message in a conversation that satisfies the predicate (and was not consumed). */
  async next(conversationId, predicate = () => true, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    this.consumed ??= new Set();
    while (Date.now() < deadline) {
      const found = this.messages.find(m => !this.consumed.has(m) && m.action === 'createMessage'
        && sameConversation(m.actionConversationId ?? m.message?.conversationId, conversationId) && predicate(m.message));
      if (found) { this.consumed.add(found); return found.message; }
      await sleep(50);
    }
    throw new Error(`No matching message in ${conversationId}; saw: ${JSON.stringify(this.messages.map(m => [m.action, m.actionConversationId, cardTitle(m.message) ?? m.message?.text]))}`);
  }

  stop() {
    this.ws?.close();
    this.logWs?.close();
    stopProcess(this.child);
    rmSync(this.logDir, { recursive: true, force: true });
  }
}

// A channel thread is `<channel>;messageid=<n>`: replies in the thread belong to the channel.
function sameConversation(actual, expected) {
  return actual === expected || (typeof actual === 'string' && actual.startsWith(`${expected};messageid=`));
}

export function cardOf(message) { return message?.attachments?.[0]?.content; }
export function cardTitle(message) { return cardOf(message)?.body?.[0]?.text; }
