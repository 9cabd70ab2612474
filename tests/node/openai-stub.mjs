// A minimal OpenAI-compatible server for the end-to-end tests: POST /v1/chat/completions answers with a
// streamed (SSE) brief when the request asks for the brief's JSON schema, else with a streamed Markdown manual.
import http from 'node:http';

const brief = {
  title: 'MODEL: Riverside Farmers Market website', language: 'en',
  partner: { organisation: 'Riverside Farmers Market', mission: 'To confirm', beneficiaries: 'vendors and visitors', contact: 'To confirm' },
  needCategory: 'Website', background: 'The market site does not work on phones and only one volunteer can update it.',
  objective: 'A mobile-friendly website the market can update itself.', impact: 'Visitors find the market and its vendors.',
  deliverables: ['A mobile-friendly website', 'An update guide'], inScope: ['Vendor list', 'Opening days'], outOfScope: ['Online payments'],
  roles: [{ name: 'Project manager', skills: 'planning', seats: 1, hoursPerWeek: 5 }, { name: 'Web designer', skills: 'Figma', seats: 2, hoursPerWeek: 5 }],
  teamSize: 3, timeCommitment: 'About 5 h a week', duration: 'About 3 months', start: 'To confirm', deadline: 'April', deadlineFlexibility: 'To confirm',
  phases: [{ name: 'Phase 1: plan', goal: 'Agree scope', meeting: 'Kickoff' }, { name: 'Phase 2: build', goal: 'Build it', meeting: 'Final handover' }],
  meetingCadence: 'Weekly, 30 minutes', communication: 'Teams channel', workMode: 'Remote', tools: ['Microsoft Teams'],
  readiness: { owner: 'To confirm', maintainer: 'To confirm', knowledgeTransfer: 'A hands-on session' },
  successCriteria: ['Live before April'], risks: ['Scope creep'], openQuestions: ['Who maintains the site?'],
};

const manual = '# Operational manual — MODEL\n\n## Roles and responsibilities\n- Leader: the project manager\n\n## Communication rules\n- Project channel, replies within 2 days\n\n## Meetings\n- Weekly, 30 minutes\n';

export async function startOpenAIStub() {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) { res.writeHead(404).end(); return; }
    const request = JSON.parse(body);
    requests.push({ body: request, authorization: req.headers.authorization });
    const content = request.response_format?.type === 'json_schema' ? JSON.stringify(brief) : manual;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const send = (o) => res.write(`data: ${JSON.stringify({ id: 'chatcmpl-e2e', object: 'chat.completion.chunk', created: 1764000000, model: request.model, ...o })}\n\n`);
    send({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    for (let i = 0; i < content.length; i += 60) {
      send({ choices: [{ index: 0, delta: { content: content.slice(i, i + 60) }, finish_reason: null }] });
      await new Promise(r => setTimeout(r, 20));
    }
    send({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    send({ choices: [], usage: { prompt_tokens: 400, completion_tokens: 300, total_tokens: 700 } });
    res.end('data: [DONE]\n\n');
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { endpoint: `http://127.0.0.1:${port}/v1/`, requests, stop: () => server.close() };
}
