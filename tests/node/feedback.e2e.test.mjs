// Issue 11 end to end with the real Agents Playground: a drafted brief arrives with Teams' feedback buttons
// (channelData.feedbackLoop on the final message only), the author dislikes it with a comment through the
// message/submitAction invoke — as the Playground's own feedback form sends it, and as Teams sends it (with the
// message's id in replyToId) — and the leader's `feedback` summary shows it.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBot, startPlayground, cardOf, cardTitle } from './harness.mjs';

const LEADER_AAD = '00000000-0000-0000-0000-0000000000020';
const NEED = 'The Riverside Farmers Market needs a new website. Our site does not work on phones and only one volunteer can update it. '
  + 'We want vendors and opening days listed. It should go live before our spring season opens in April.';
const streamInfo = (body) => body?.entities?.find(e => e.type === 'streaminfo');

describe('feedback on a drafted brief', () => {
  let bot;
  let pg;
  let messageId;

  before(async () => {
    bot = await startBot({ Club__Leaders__0: LEADER_AAD });
    pg = await startPlayground(bot.endpoint);
    await pg.connect();
    await pg.connectLog();
    await pg.install('personal-chat-id');
    await pg.next('personal-chat-id', m => cardTitle(m) === 'Welcome to ProBonoBot');
  });

  after(() => { pg?.stop(); bot?.stop(); });

  test('the brief streams in and only its final message carries the feedback buttons', async () => {
    await pg.say('personal-chat-id', NEED);
    const streamed = await pg.next('personal-chat-id', m => m.text?.startsWith('Reading the need'));
    // With the citation line the final message has text and a card: the Playground shows the text in place of the
    // streamed message and the card as a message of its own (Teams shows one message). Feedback names the stream's id.
    const deadline = Date.now() + 30000;
    while (!pg.messages.some(m => ['updateMessage', 'createMessage'].includes(m.action) && cardTitle(m.message)?.startsWith('Project brief'))) {
      assert.ok(Date.now() < deadline, 'the brief card arrives');
      await new Promise(r => setTimeout(r, 50));
    }
    messageId = streamed.messageId;
    assert.ok(messageId);

    const final = await pg.botSent(b => streamInfo(b)?.streamType === 'final');
    assert.deepEqual(final.channelData.feedbackLoop, { type: 'default' });
    assert.equal(final.channelData.feedbackLoopEnabled, undefined, 'never both forms: Teams refuses that');
    const updates = pg.logEntries.filter(l => l.from === 'User Application' && ['informative', 'streaming'].includes(streamInfo(l.request?.body)?.streamType));
    assert.ok(updates.length >= 1);
    for (const u of updates) assert.equal(u.request.body.channelData?.feedbackLoop, undefined);
    // The Playground shows the buttons under the final message.
    assert.ok(pg.messages.some(m => m.message?.feedbackLoopEnabled === true), 'the Playground renders feedback buttons');
  });

  test("the Playground's own feedback form is answered 200 (it sends no replyToId, so nothing can be attributed)", async () => {
    await pg.post('/_conversation/v1/invoke', {
      name: 'message/submitAction',
      from: { id: 'user-id-0' }, conversation: { id: 'personal-chat-id' },
      value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '' } },
    });
  });

  test('a dislike with a comment, sent as Teams sends it, is answered 200 with an empty body and reaches the summary', async () => {
    const config = await pg.config();
    const invoke = {
      type: 'invoke', name: 'message/submitAction', id: `feedback-${Date.now()}`, channelId: 'msteams',
      serviceUrl: `${pg.base}/_connector`, replyToId: messageId,
      from: { id: config.currentUser.id, name: config.currentUser.name, aadObjectId: config.currentUser.aadObjectId },
      recipient: { id: config.bot.id, name: config.bot.name },
      conversation: { id: 'personal-chat-id', conversationType: 'personal', tenantId: config.tenantId },
      channelData: { tenant: { id: config.tenantId }, source: { name: 'message' } },
      value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'The deadline is not a date' }) } },
    };
    const response = await fetch(bot.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoke) });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '');

    await pg.say('personal-chat-id', 'feedback');
    const summary = await pg.next('personal-chat-id', m => cardTitle(m)?.startsWith('Feedback on drafts'));
    const body = cardOf(summary).body;
    const briefs = body.find(b => b.type === 'FactSet').facts.find(f => f.title === 'Briefs');
    assert.equal(briefs.value, '👍 0 · 👎 1 · reports 0');
    assert.ok(body.some(b => b.text?.includes('The deadline is not a date')), JSON.stringify(body));
  });
});
