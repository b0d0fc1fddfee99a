import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import pg from 'pg';
import request from 'supertest';
import { ROUTE_POLICIES } from './support/route-policies.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, fillPath, type OpenApiDocument, type OpenApiSchema, type World } from './support/world.js';

/** Requests per write route; the whole file stays well under a minute per database. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const WRITE = new Set(['post', 'put', 'patch', 'delete']);

const nest = (depth: number): unknown => (depth === 0 ? 1 : [nest(depth - 1)]);

/** Values that broke the API before: NUL, integers past int4, arrays of arrays, deep nesting, huge text. */
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('a\u0000b', '\u0000', 'x'.repeat(5000), '=HYPERLINK("http://x")', '', '   ', '-1', '99999999999'),
  fc.integer(),
  fc.constantFrom(2147483648, -2147483649, 2 ** 53, -(2 ** 53), 1e308, -1e308, 0.5, -1, 0, -0),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constantFrom(null, [[]], [], {}, [{}], [null], nest(40), { a: { b: { c: [[[]]] } } }),
  fc.uuid(),
  fc.jsonValue({ maxDepth: 3 }),
);

describe('fuzzed input on every write route (e2e)', () => {
  let t: TestApp;
  let w: World;
  let doc: OpenApiDocument;
  let db: pg.Client | undefined;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    doc = (await request(t.url).get('/api/docs-json').expect(200)).body as OpenApiDocument;
    // The embedded engine serves one connection (the app's): there, the API fingerprint alone.
    if (t.databaseUrl) {
      db = new pg.Client({ connectionString: t.databaseUrl });
      await db.connect();
    }
  });
  afterAll(async () => {
    await db?.end();
    await t.close();
  });

  const resolve = (s: OpenApiSchema): OpenApiSchema => (s.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s);

  /** A value for a schema: plausible (so validation passes and deeper fields are reached), hostile one time in `odds`. */
  function field(schema: OpenApiSchema, odds: number, depth: number): fc.Arbitrary<unknown> {
    if (odds === 0) return plausible(schema, odds, depth);
    return fc.oneof({ weight: odds - 1, arbitrary: plausible(schema, odds, depth) }, { weight: 1, arbitrary: hostile });
  }

  function plausible(raw: OpenApiSchema, odds: number, depth: number): fc.Arbitrary<unknown> {
    const s = resolve(raw);
    if (s.enum) return fc.constantFrom(...s.enum);
    if (s.properties && depth < 4) {
      const props = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, field(v, odds, depth + 1)]));
      return fc.record(props, { requiredKeys: s.required ?? [] });
    }
    if (s.type === 'array' && s.items) return fc.array(field(s.items, odds, depth + 1), { maxLength: 4 });
    if (s.type === 'number' || s.type === 'integer') return fc.constantFrom(1, 2, 5, 8, 70, 75);
    if (s.type === 'boolean') return fc.boolean();
    const ids = [
      ...w.teamIds,
      w.judgeOfThis.id,
      w.judgeOfOther.id,
      w.tournamentId,
      w.championshipId,
      w.cupId,
      ...w.speakerIds.flat(),
    ];
    return fc.constantFrom(...ids, 'east', 'abai', 'wsdc', 'regional', '2026-11-24', 'Name', 'analysis');
  }

  /** What a 4xx must leave alone: every table's rows on a real server; on the embedded engine, what organisers read. */
  async function fingerprint(): Promise<string> {
    const hash = createHash('sha256');
    if (!db) {
      const reads = [
        '/api/teams?limit=500',
        '/api/judges?limit=500',
        `/api/tournaments/${w.tournamentId}/rounds`,
        `/api/tournaments/${w.tournamentId}/audit`,
        '/api/case-championships?limit=500',
        `/api/case-championships/${w.championshipId}/scoresheets`,
      ];
      const org = { Authorization: `Bearer ${w.organiser}` };
      for (const url of reads) hash.update(JSON.stringify((await request(t.url).get(url).set(org)).body));
    } else {
      const tables = await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      );
      const sql = tables.rows
        .map(
          (r) =>
            `SELECT '${r.table_name}' AS t, count(*) AS n, md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS h FROM "${r.table_name}" x`,
        )
        .join(' UNION ALL ');
      // Kept readable: a mismatch then names the tables that changed.
      return JSON.stringify((await db.query(sql)).rows);
    }
    return hash.digest('hex');
  }

  /**
   * After a success, the state once its after-commit work is done: a standings push is coalesced (~100 ms) and
   * writes its live event outside the request, which would otherwise be blamed on the next request.
   */
  async function settled(): Promise<string> {
    // Past the coalescing window first (a loaded machine runs the timer late), then until two reads agree.
    await new Promise((resolve) => setTimeout(resolve, 400));
    let previous = await fingerprint();
    for (let i = 0; i < 15; i++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const current = await fingerprint();
      if (current === previous) return current;
      previous = current;
    }
    return previous;
  }

  function changedTables(before: string, after: string): string {
    if (!db) return 'what organisers read';
    const rows = (json: string) =>
      new Map((JSON.parse(json) as { t: string; n: string; h: string }[]).map((r) => [r.t, `${r.n}/${r.h}`]));
    const [a, b] = [rows(before), rows(after)];
    return [...b.keys()].filter((table) => a.get(table) !== b.get(table)).join(', ');
  }

  it('answers every fuzzed request below 500, and a refused one changes nothing', async () => {
    const problems: string[] = [];
    let sent = 0;
    let last = await fingerprint();
    let previous = 'the start';
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => WRITE.has(method))
        .map(([method, op]) => ({
          key: `${method.toUpperCase()} ${path}`,
          method,
          path,
          schema: op.requestBody?.content['application/json']?.schema,
        })),
    );
    expect(writes.length).toBeGreaterThan(25);
    for (const [index, route] of writes.entries()) {
      const policy = ROUTE_POLICIES[route.key];
      const token =
        policy === 'organiser'
          ? w.organiser
          : policy === 'panel' || policy === 'judge'
            ? w.judgeOfThis.token
            : undefined;
      const body = route.schema
        ? fc.oneof(
            { weight: 2, arbitrary: plausible(route.schema, 0, 0) },
            { weight: 4, arbitrary: plausible(route.schema, 6, 0) },
            { weight: 1, arbitrary: hostile },
          )
        : hostile;
      const pathValue = fc.oneof(
        { weight: 5, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('99999999999', '-1', 'x', '%00', '00000000-0000-4000-8000-000000000000', '1.5'),
        },
      );
      const query = fc.constantFrom(
        '',
        '?version=1',
        '?version=99999999999',
        '?version=-1',
        '?version=%00',
        '?dryRun=true',
        '?dryRun=maybe',
      );
      const samples = fc.sample(fc.tuple(body, pathValue, query), { numRuns: RUNS, seed: SEED + index });
      for (const [payload, param, q] of samples) {
        let url = fillPath(route.path, w);
        if (param !== undefined) url = route.path.replace(/\{[^}]+\}/g, param);
        let req = request(t.url)[route.method as 'post'](url + q);
        if (token) req = req.set('Authorization', `Bearer ${token}`);
        const res = await req
          .send(payload === null || typeof payload !== 'object' ? JSON.stringify(payload) : payload)
          .type('json');
        sent++;
        if (process.env.FUZZ_DEBUG) process.stderr.write(`${res.status} ${route.key}\n`);
        const what = `${route.key} ${url + q} ${JSON.stringify(payload)?.slice(0, 200)}`;
        if (res.status >= 500) problems.push(`${res.status} from ${what}`);
        const started = Date.now();
        const now = res.status < 400 ? await settled() : await fingerprint();
        if (process.env.FUZZ_DEBUG) process.stderr.write(`  fingerprint ${Date.now() - started} ms\n`);
        if (res.status >= 400 && now !== last)
          problems.push(`${res.status} changed ${changedTables(last, now)}: ${what} (after ${previous})`);
        last = now;
        previous = `${res.status} ${what}`;
      }
    }
    expect({ seed: SEED, problems }).toEqual({ seed: SEED, problems: [] });
    expect(sent).toBe(writes.length * RUNS);
  });

  it('answers hostile query strings and path values on every read route below 500', async () => {
    const problems: string[] = [];
    const values = ['%00', '99999999999', '-99999999999', 'a%00b', '1e400', '%E0%A4%A'];
    const params = ['limit', 'offset', 'search', 'regionCode', 'oblastCode', 'ageGroup', 'status', 'format', 'version'];
    const reads = Object.entries(doc.paths)
      .filter(([, ops]) => 'get' in ops)
      .map(([path]) => path);
    for (const path of reads) {
      for (const value of values) {
        const urls = [`${fillPath(path, w)}?${params.map((p) => `${p}=${value}`).join('&')}`];
        if (path.includes('{')) urls.push(path.replace(/\{[^}]+\}/g, value));
        for (const url of urls) {
          const res = await request(t.url).get(url).set('Authorization', `Bearer ${w.organiser}`);
          if (res.status >= 500) problems.push(`${res.status} from GET ${url}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
