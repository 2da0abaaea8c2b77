import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeResidentId } from '@mamagang/domain';
import { createTestApp, type TestApp } from './support/test-app';
import { insertUser, mother, tokenFor } from './support/issue6-rows';

const ID_NUMBER = makeResidentId('37100219900101123');
const PHONE = '13812345678';
const NAME = '王小红';

/** Her resume, with identifiers she should not have typed into it. */
const RESUME = {
  experiences: [
    { employer: '华联超市', role: '收银员', from: '2016-03', to: '2019-02', duties: ['我主要负责收银和对账。每天整理货架', '接待顾客'] },
    { employer: '阳光早教中心', role: '保育员', from: '2019-05', to: null, duties: [`照看2-3岁幼儿，家长可拨打${PHONE}联系我`] },
  ],
  skills: ['收银、客服', '早教', '早教'],
  certificates: ['育婴员（五级）'],
  preferredWork: '离家近的早教或客服工作',
  selfIntro: `我叫${NAME}，身份证${ID_NUMBER}，做事认真，大家叫我小红。`,
};

type Mode = 'ok' | 'malformed' | 'slow' | 'error' | 'not-a-resume';

/** A local stand-in for DeepSeek's OpenAI-compatible chat API. */
class FakeDeepSeek {
  server!: Server;
  mode: Mode = 'ok';
  requests: { path: string; authorization: string | undefined; raw: string }[] = [];
  private timers = new Set<NodeJS.Timeout>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    this.requests.push({ path: req.url ?? '', authorization: req.headers.authorization, raw });
    const answer = (content: string) => ({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      model: 'deepseek-chat',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    });
    const send = (status: number, payload: unknown) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(payload));
    };
    switch (this.mode) {
      case 'ok':
        return send(200, answer(JSON.stringify(AI_SUGGESTION)));
      case 'malformed':
        return send(200, answer('好的，以下是优化后的简历：经历一……'));
      case 'not-a-resume':
        return send(200, answer(JSON.stringify({ experiences: '一段经历', skills: [] })));
      case 'error':
        return send(500, { error: { message: 'server overloaded', type: 'server_error' } });
      case 'slow': {
        const timer = setTimeout(() => send(200, answer(JSON.stringify(AI_SUGGESTION))), 3000);
        this.timers.add(timer);
        res.on('close', () => clearTimeout(timer));
        return;
      }
    }
  }
}

const AI_SUGGESTION = {
  experiences: [
    { employer: '阳光早教中心', role: '保育员', from: '2019-05', to: null, duties: ['照看2-3岁幼儿，组织日常活动'] },
    { employer: '华联超市', role: '收银员', from: '2016-03', to: '2019-02', duties: ['收银与日终对账', '整理货架、接待顾客'] },
  ],
  skills: ['收银', '客服', '早期教育'],
  certificates: ['育婴员（五级）'],
  preferredWork: '早教或客服',
  selfIntro: '近6年零售与早教工作经验，细心耐心。',
  highlights: ['6年工作经验', '持有育婴员证书', '育儿经历带来的耐心与统筹能力'],
};

async function signedInMother(t: TestApp, name = NAME) {
  return mother(t, { name, skills: ['收银', '手工'] });
}

describe('resume optimisation with no DeepSeek key (local optimiser)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts from an empty resume with her profile skills, and saves the whole resume', async () => {
    const { auth } = await signedInMother(t);
    const empty = await t.http.get('/api/resume/me').set(auth).expect(200);
    expect(empty.body).toEqual({ experiences: [], skills: ['收银', '手工'], certificates: [], preferredWork: '', selfIntro: '', highlights: [], updatedAt: null });

    const saved = await t.http.put('/api/resume/me').set(auth).send(RESUME).expect(200);
    expect(saved.body.experiences).toHaveLength(2);
    expect(saved.body.skills).toEqual(['收银、客服', '早教', '早教']);
    expect(saved.body.updatedAt).toEqual(expect.any(String));
    const again = await t.http.get('/api/resume/me').set(auth).expect(200);
    expect(again.body).toEqual(saved.body);
  });

  it('refuses a bad resume field by field and writes nothing', async () => {
    const { auth, motherId } = await signedInMother(t);
    const res = await t.http
      .put('/api/resume/me')
      .set(auth)
      .send({ ...RESUME, skills: Array.from({ length: 31 }, (_, i) => `技能${i}`), experiences: [{ ...RESUME.experiences[0], from: '2016-13' }], extra: 1 })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['skills', 'experiences.0.from', 'extra']));
    const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM resumes WHERE mother_id = $1`, [motherId]);
    expect(rows[0].n).toBe(0);
  });

  it('optimises locally: a suggestion beside her text, her resume unchanged until she accepts', async () => {
    const { auth } = await signedInMother(t);
    await t.http.put('/api/resume/me').set(auth).send(RESUME).expect(200);
    const res = await t.http.post('/api/resume/me/optimise').set(auth).expect(201);
    expect(res.body).toMatchObject({ source: 'local', sourceLabel: '本地规则优化', note: null, status: 'pending', decidedAt: null });
    expect(res.body.original.selfIntro).toBe(RESUME.selfIntro);
    const suggested = res.body.suggested;
    expect(suggested.experiences.map((e: { employer: string }) => e.employer)).toEqual(['阳光早教中心', '华联超市']);
    expect(suggested.experiences[1].duties).toEqual(['负责收银和对账', '整理货架', '接待顾客']);
    expect(suggested.skills).toEqual(['收银', '客服', '早教']);
    expect(suggested.highlights).toEqual(expect.arrayContaining(['持有育婴员（五级）', '有育婴、早教相关经验，耐心细致']));

    const before = await t.http.get('/api/resume/me').set(auth).expect(200);
    expect(before.body.skills).toEqual(RESUME.skills);

    const accepted = await t.http.post(`/api/resume/me/suggestions/${res.body.id}/accept`).set(auth).expect(200);
    expect(accepted.body).toMatchObject({ skills: suggested.skills, experiences: suggested.experiences, highlights: suggested.highlights });
    const again = await t.http.post(`/api/resume/me/suggestions/${res.body.id}/accept`).set(auth).expect(409);
    expect(again.body.code).toBe('RESUME_SUGGESTION_DECIDED');
    const list = await t.http.get('/api/resume/me/suggestions').set(auth).expect(200);
    expect(list.body.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([[res.body.id, 'accepted']]);
  });

  it('refuses to apply a suggestion made from a resume she has since changed, and lets her reject it', async () => {
    const { auth } = await signedInMother(t);
    await t.http.put('/api/resume/me').set(auth).send(RESUME).expect(200);
    const suggestion = (await t.http.post('/api/resume/me/optimise').set(auth).expect(201)).body;
    await t.http.put('/api/resume/me').set(auth).send({ ...RESUME, preferredWork: '居家手工' }).expect(200);
    const stale = await t.http.post(`/api/resume/me/suggestions/${suggestion.id}/accept`).set(auth).expect(409);
    expect(stale.body.code).toBe('RESUME_SUGGESTION_STALE');
    expect((await t.http.get('/api/resume/me').set(auth)).body.preferredWork).toBe('居家手工');
    const rejected = await t.http.post(`/api/resume/me/suggestions/${suggestion.id}/reject`).set(auth).expect(200);
    expect(rejected.body).toMatchObject({ id: suggestion.id, status: 'rejected', decidedAt: expect.any(String) });
  });

  it("keeps one mother's suggestions from another, and the routes from non-mothers", async () => {
    const a = await signedInMother(t);
    const b = await signedInMother(t, '李娜');
    await t.http.put('/api/resume/me').set(a.auth).send(RESUME).expect(200);
    const suggestion = (await t.http.post('/api/resume/me/optimise').set(a.auth).expect(201)).body;
    await t.http.post(`/api/resume/me/suggestions/${suggestion.id}/accept`).set(b.auth).expect(404);
    await t.http.post(`/api/resume/me/suggestions/${suggestion.id}/reject`).set(b.auth).expect(404);
    await t.http.post('/api/resume/me/suggestions/not-a-uuid/accept').set(b.auth).expect(404);
    expect((await t.http.get('/api/resume/me/suggestions').set(b.auth)).body).toEqual([]);

    const stranger = await insertUser(t.dataSource, '路人');
    const res = await t.http.get('/api/resume/me').set(tokenFor(t, stranger)).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    await t.http.get('/api/resume/me').expect(401);
  });

  it('refuses to optimise an empty resume, and more than 20 times a day', async () => {
    const { auth, motherId } = await signedInMother(t);
    const empty = await t.http.post('/api/resume/me/optimise').set(auth).expect(400);
    expect(empty.body.code).toBe('RESUME_EMPTY');
    await t.http.put('/api/resume/me').set(auth).send(RESUME).expect(200);
    await t.dataSource.query(
      `INSERT INTO resume_suggestions (mother_id, source, original, suggested) SELECT $1, 'local', '{}', '{}' FROM generate_series(1, 20)`,
      [motherId],
    );
    const limited = await t.http.post('/api/resume/me/optimise').set(auth).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    // Like every limit: Retry-After, here until the oldest of the 20 is a day old (they were made just now).
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(86_000);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
  });
});

describe('resume optimisation against a stand-in for DeepSeek', () => {
  const deepseek = new FakeDeepSeek();
  let t: TestApp;
  let auth: { authorization: string };

  beforeAll(async () => {
    const base = await deepseek.start();
    t = await createTestApp({
      env: { DEEPSEEK_API_KEY: 'sk-test-key', DEEPSEEK_BASE_URL: base, DEEPSEEK_MODEL: 'deepseek-chat', DEEPSEEK_TIMEOUT_MS: '500' },
    });
    ({ auth } = await signedInMother(t));
    await t.http.put('/api/resume/me').set(auth).send(RESUME).expect(200);
  });
  afterAll(async () => {
    await t?.close();
    await deepseek.stop();
  });
  beforeEach(() => {
    deepseek.requests = [];
  });

  it('sends only the scrubbed resume, in an OpenAI-compatible JSON-mode request, and shows the answer as a suggestion', async () => {
    deepseek.mode = 'ok';
    const res = await t.http.post('/api/resume/me/optimise').set(auth).expect(201);
    expect(res.body).toMatchObject({ source: 'deepseek', sourceLabel: 'AI优化（DeepSeek）', note: null, status: 'pending' });
    expect(res.body.suggested).toEqual(AI_SUGGESTION);
    expect(res.body.original.selfIntro).toBe(RESUME.selfIntro);

    expect(deepseek.requests).toHaveLength(1);
    const [request] = deepseek.requests;
    expect(request!.path).toBe('/v1/chat/completions');
    expect(request!.authorization).toBe('Bearer sk-test-key');
    const body = JSON.parse(request!.raw);
    expect(body).toMatchObject({ model: 'deepseek-chat', response_format: { type: 'json_object' }, stream: false });
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
    // Her identifiers never leave: not the ID number, not the phone, not her name or given name.
    for (const secret of [ID_NUMBER, PHONE, NAME, '小红']) expect(request!.raw).not.toContain(secret);
    const sent = JSON.parse(body.messages[1].content);
    expect(sent.selfIntro).toBe('我叫[已隐去]，身份证[已隐去]，做事认真，大家叫我[已隐去]。');
    expect(sent.experiences[1].duties[0]).toBe('照看2-3岁幼儿，家长可拨打[已隐去]联系我');
    expect(Object.keys(sent).sort()).toEqual(['certificates', 'experiences', 'highlights', 'preferredWork', 'selfIntro', 'skills']);

    const accepted = await t.http.post(`/api/resume/me/suggestions/${res.body.id}/accept`).set(auth).expect(200);
    expect(accepted.body.selfIntro).toBe(AI_SUGGESTION.selfIntro);
    // Back to her own text for the next cases.
    await t.http.put('/api/resume/me').set(auth).send(RESUME).expect(200);
  });

  it.each([
    ['answers beyond the time-out', 'slow', 'AI服务超时，已使用本地优化'],
    ['answers with an HTTP error', 'error', 'AI服务暂时不可用，已使用本地优化'],
    ['answers with text that is not JSON', 'malformed', 'AI返回的结果无法识别，已使用本地优化'],
    ['answers with JSON that is not a resume', 'not-a-resume', 'AI返回的结果无法识别，已使用本地优化'],
  ] as const)('falls back to the local optimiser with a note when DeepSeek %s', async (_label, mode, note) => {
    deepseek.mode = mode;
    const started = Date.now();
    const res = await t.http.post('/api/resume/me/optimise').set(auth).expect(201);
    expect(res.body).toMatchObject({ source: 'local', note, status: 'pending' });
    expect(res.body.suggested.experiences[1].duties).toEqual(['负责收银和对账', '整理货架', '接待顾客']);
    expect(deepseek.requests).toHaveLength(1);
    if (mode === 'slow') expect(Date.now() - started).toBeLessThan(2500);
  });
});
