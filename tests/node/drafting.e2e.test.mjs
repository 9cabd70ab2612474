// Issue 5 end to end with the real Agents Playground, once with the offline drafter (the default) and once with
// an OpenAI-compatible stub as the real provider: a pasted need streams in as a brief card, the leader approves
// it into a draft project, and the project's leader asks for an operational manual and downloads it.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBot, startPlayground, cardOf, cardTitle } from './harness.mjs';
import { startOpenAIStub } from './openai-stub.mjs';

const LEADER_AAD = '00000000-0000-0000-0000-0000000000020';
const NEED = 'The Riverside Farmers Market needs a new website. Our site does not work on phones and only one volunteer can update it. '
  + 'We want vendors and opening days listed. It should go live before our spring season opens in April.';
const cardJson = (message) => JSON.stringify(cardOf(message) ?? {});
const streamInfo = (body) => body?.entities?.find(e => e.type === 'streaminfo');
// The final stream message replaces the streamed one; when it also has text (the citation line), the Playground
// shows the text in place and the card as a message of its own — Teams shows both in one message.
async function finalCard(pg, predicate, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = pg.messages.find(m => (m.action === 'updateMessage' || m.action === 'createMessage') && predicate(m.message));
    if (found) return found.message;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error('No final card');
}

for (const provider of ['Offline', 'OpenAICompatible']) {
  describe(`drafting with the ${provider} provider`, () => {
    let bot;
    let pg;
    let stub;
    let briefCard;
    let briefVersion = 1;

    before(async () => {
      stub = provider === 'Offline' ? null : await startOpenAIStub();
      const env = { Club__Leaders__0: LEADER_AAD };
      if (stub) Object.assign(env, { Drafting__Provider: provider, Drafting__Endpoint: stub.endpoint, Drafting__Model: 'stub-model', Drafting__ApiKey: 'e2e-key' });
      bot = await startBot(env);
      pg = await startPlayground(bot.endpoint);
      await pg.connect();
      await pg.connectLog();
      await pg.install('personal-chat-id');
      await pg.next('personal-chat-id', m => cardTitle(m) === 'Welcome to ProBonoBot');
    });

    after(() => { pg?.stop(); bot?.stop(); stub?.stop(); });

    test('a pasted need streams in: an informative update at once, then the brief card', async () => {
      const started = Date.now();
      await pg.say('personal-chat-id', NEED);

      const informative = await pg.botSent(b => b.type === 'typing' && streamInfo(b)?.streamType === 'informative');
      assert.ok(Date.now() - started < 5000, 'the first stream update arrives at once');
      assert.equal(streamInfo(informative).streamSequence, 1);
      // The Playground implements Teams streaming: the informative update creates the message, the final one replaces it.
      const streamed = await pg.next('personal-chat-id', m => m.text?.startsWith('Reading the need'));
      briefCard = await finalCard(pg, m => cardTitle(m)?.startsWith('Project brief'), 30000);
      briefCard.messageId ??= streamed.messageId;
      assert.match(cardJson(briefCard), /Riverside Farmers Market/);
      assert.match(cardJson(briefCard), provider === 'Offline' ? /Drafted without an AI model/ : /Drafted with an AI model \(stub-model\)/);
      if (stub) {
        assert.equal(stub.requests[0].body.response_format.json_schema.strict, true);
        assert.match(stub.requests[0].body.messages[1].content, /<need>\nThe Riverside Farmers Market/);
      }
    });

    test('regenerating with an instruction applies it (offline: says what it applied; model: the instruction reaches it)', async () => {
      const asked = stub?.requests.length ?? 0;
      await pg.post('/_conversation/v1/invoke', {
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'briefRegenerate', data: { brief: 1, version: 1, instruction: 'Add a translator for the English version of the vendor list' } } },
        from: { id: 'user-id-0' }, conversation: { id: 'personal-chat-id' }, replyToId: briefCard.messageId,
      });
      const revised = await finalCard(pg, m => cardTitle(m)?.startsWith('Project brief') && /version 2|v2|Version 2/.test(cardJson(m)), 30000);
      briefVersion = 2;
      briefCard = revised;
      assert.match(cardJson(revised), /Riverside Farmers Market/, 'the language stays English: "English version" is not "in English"');
      if (stub) {
        assert.ok(stub.requests.length > asked, 'the model was asked again');
        assert.match(JSON.stringify(stub.requests.at(-1).body.messages), /<instruction>\\nAdd a translator/);
      } else {
        assert.match(cardJson(revised), /Applied from the instruction/);
        assert.match(cardJson(revised), /Translator/);
      }
    });

    test('the author sends the brief to the leaders and the leader approves it into a draft project', async () => {
      await pg.post('/_conversation/v1/invoke', {
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'briefSend', data: { brief: 1, version: briefVersion } } },
        from: { id: 'user-id-0' }, conversation: { id: 'personal-chat-id' }, replyToId: briefCard.messageId,
      });
      const review = await pg.next('personal-chat-id', m => cardJson(m).includes('briefApprove'), 20000);
      assert.match(cardJson(review), /sent this brief for review/);

      await pg.post('/_conversation/v1/invoke', {
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'briefApprove', data: { brief: 1, version: briefVersion } } },
        from: { id: 'user-id-0' }, conversation: { id: 'personal-chat-id' }, replyToId: review.messageId,
      });
      await pg.botSent(b => (b.text ?? '').startsWith('Good news'), 20000);

      await pg.say('personal-chat-id', 'projects');
      const list = await pg.next('personal-chat-id', m => cardJson(m).includes('Riverside Farmers Market') && cardTitle(m) !== undefined && !cardTitle(m).startsWith('Project brief'));
      assert.match(cardJson(list), /#1/);
    });

    test('the project leader asks for an operational manual, receives it and downloads it', async () => {
      await pg.say('personal-chat-id', 'manual');
      const choose = await pg.next('personal-chat-id', m => cardTitle(m) === 'Which manual should I draft?');
      await pg.post('/_conversation/v1/invoke', {
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'manualCreate', data: { project: '1', kind: 'operational' } } },
        from: { id: 'user-id-0' }, conversation: { id: 'personal-chat-id' }, replyToId: choose.messageId,
      });

      const manual = await finalCard(pg, m => cardTitle(m)?.startsWith('Operational manual'), 30000);
      const download = cardOf(manual).actions.find(a => a.type === 'Action.OpenUrl').url;
      const response = await fetch(download.replace(/^https?:\/\/[^/]+/, `http://127.0.0.1:${bot.port}`));
      assert.equal(response.status, 200);
      assert.match(await response.text(), /## Communication rules/);
    });
  });
}
