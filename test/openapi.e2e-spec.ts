import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, fillPath, type World } from './support/world.js';

interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
}
interface Operation {
  summary?: string;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * The OpenAPI document a client is generated from: every operation has a summary and every 2xx answer a schema,
 * lists are `{ items, total }`, CSV routes document both answers; and what the routes really answer fits the
 * schemas (no field left undocumented, none documented as required and missing).
 */
describe('OpenAPI document (e2e)', () => {
  let t: TestApp;
  let doc: Document;
  const operations: { key: string; method: string; path: string; op: Operation }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await request(t.url).get('/api/docs-json').expect(200)).body as Document;
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of METHODS)
        if (item[method]) operations.push({ key: `${method.toUpperCase()} ${path}`, method, path, op: item[method] });
  });
  afterAll(() => t.close());

  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const found = doc.components.schemas[name];
    if (!found) throw new Error(`dangling $ref ${schema.$ref}`);
    return resolve(found);
  };

  it('gives every operation a summary and every 2xx answer a schema', () => {
    const missing: string[] = [];
    for (const { key, op } of operations) {
      if (!op.summary?.trim()) missing.push(`${key}: no summary`);
      const ok = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (ok.length === 0) missing.push(`${key}: no 2xx response`);
      for (const [status, response] of ok) {
        if (status === '204') continue; // no body
        const content = Object.entries(response.content ?? {});
        if (content.length === 0) missing.push(`${key} ${status}: no content schema`);
        for (const [type, media] of content) {
          if (!media.schema) {
            missing.push(`${key} ${status} ${type}: no schema`);
            continue;
          }
          const schema = resolve(media.schema);
          if (type === 'application/json' && !schema.properties && schema.type !== 'array')
            missing.push(`${key} ${status}: a schema without properties`);
          if (schema.type === 'array') missing.push(`${key} ${status}: a bare array (lists answer { items, total })`);
        }
      }
    }
    expect(missing).toEqual([]);
    process.stdout.write(`OpenAPI: ${operations.length} operations, each with a summary and 2xx schemas\n`);
    // Every route of the app is here (85 when this was written; more are added, none removed).
    expect(operations.length).toBeGreaterThanOrEqual(85);
  });

  it('documents every list as { items: [...], total }', () => {
    const lists = [
      'GET /api/tournaments/{id}/standings',
      'GET /api/tournaments/{id}/speakers',
      'GET /api/tournaments/{id}/audit',
      'GET /api/tournaments/{id}/rounds',
      'GET /api/tournaments',
      'GET /api/cups',
      'GET /api/debates/mine',
      'GET /api/case-championships',
      'GET /api/case-championships/{id}/scoresheets',
      'GET /api/case-championships/{id}/audit',
      'GET /api/case-championships/{id}/diagnostics',
      'GET /api/teams',
      'GET /api/judges',
      'GET /api/regions',
    ];
    const shapes = lists.map((key) => {
      const found = operations.find((o) => o.key === key);
      const schema = found?.op.responses['200']?.content?.['application/json']?.schema;
      const page = schema ? resolve(schema) : {};
      return [key, page.properties?.items?.type, page.properties?.total?.type, page.required?.sort()];
    });
    expect(shapes).toEqual(lists.map((key) => [key, 'array', 'number', ['items', 'total']]));
    // And every GET whose answer has `items` has a total beside it (an import's report is not a list).
    const partial = operations
      .filter((o) => o.method === 'get')
      .filter((o) => {
        const schema = o.op.responses['200']?.content?.['application/json']?.schema;
        const page = schema ? resolve(schema) : {};
        return page.properties?.items && !page.properties.total;
      })
      .map((o) => o.key);
    expect(partial).toEqual([]);
  });

  it('documents the CSV answer beside the JSON one on the routes that have both', () => {
    for (const key of [
      'GET /api/tournaments/{id}/standings',
      'GET /api/tournaments/{id}/speakers',
      'GET /api/tournaments/{id}/bracket',
      'GET /api/case-championships/{id}/standings/export',
    ]) {
      const content = operations.find((o) => o.key === key)!.op.responses['200'].content!;
      expect([key, Object.keys(content).sort()]).toEqual([key, ['application/json', 'text/csv']]);
      expect(content['text/csv'].schema?.type).toBe('string');
    }
  });

  describe('what the routes answer fits the document', () => {
    let w: World;
    beforeAll(async () => {
      w = await buildWorld(t);
    });

    /** Problems of `value` against `schema`: an undocumented field, a required one missing, a wrong kind. */
    const check = (value: unknown, schema: Schema, at: string, out: string[]): void => {
      const s = resolve(schema);
      if (value === null) {
        if (!s.nullable) out.push(`${at}: null, not documented as nullable`);
        return;
      }
      if (s.allOf) return s.allOf.forEach((part) => check(value, part, at, out));
      if (s.type === 'array' || Array.isArray(value)) {
        if (!Array.isArray(value)) out.push(`${at}: documented as an array`);
        else if (s.type !== 'array') out.push(`${at}: an array, documented as ${s.type}`);
        else if (s.items) value.forEach((v, i) => check(v, s.items!, `${at}[${i}]`, out));
        return;
      }
      if (s.properties) {
        if (typeof value !== 'object') return void out.push(`${at}: documented as an object`);
        const record = value as Record<string, unknown>;
        for (const key of Object.keys(record)) {
          if (!(key in s.properties)) out.push(`${at}.${key}: not documented`);
          else check(record[key], s.properties[key], `${at}.${key}`, out);
        }
        for (const key of s.required ?? []) if (!(key in record)) out.push(`${at}.${key}: required, missing`);
        return;
      }
      const kind = typeof value;
      if (s.type === 'number' || s.type === 'integer') {
        if (kind !== 'number') out.push(`${at}: ${kind}, documented as ${s.type}`);
      } else if (s.type === 'string' || s.type === 'boolean') {
        if (kind !== s.type) out.push(`${at}: ${kind}, documented as ${s.type}`);
      }
    };

    it('every public and organiser GET answers in its documented shape', async () => {
      const problems: string[] = [];
      let checked = 0;
      for (const { key, method, path, op } of operations) {
        if (method !== 'get' || path.includes('/docs')) continue;
        const judgeRoute = path.startsWith('/api/me') || path.endsWith('/mine') || path.endsWith('/assignments');
        const token = judgeRoute ? w.judgeOfThis.token : w.organiser;
        const res = await request(t.url).get(fillPath(path, w)).set('Authorization', `Bearer ${token}`);
        if (res.status !== 200) continue; // a route the world has nothing for (e.g. a bracket before the break)
        const schema = op.responses['200']?.content?.['application/json']?.schema;
        if (!schema) problems.push(`${key}: 200 without a JSON schema`);
        else check(res.body, schema, key, problems);
        checked++;
      }
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(30);
    });
  });
});
