import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('formats (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists the four presets with slots, ranges, steps, names and tab rules, without sign-in', async () => {
    const { body } = await request(t.url).get('/api/formats').expect(200);
    expect(body.total).toBe(4);
    const byKey = Object.fromEntries(body.items.map((f: { key: string }) => [f.key, f]));
    expect(Object.keys(byKey).sort()).toEqual(['apf', 'bp', 'ld', 'wsdc']);
    expect(byKey.apf.sides.map((s: { code: string; name: { en: string } }) => [s.code, s.name.en])).toEqual([
      ['gov', 'Government'],
      ['opp', 'Opposition'],
    ]);
    expect(byKey.apf.sides[0].slots.map((s: { ru: string }) => s.ru)).toEqual([
      'Премьер-министр',
      'Член правительства',
      'Опровержение премьер-министра',
    ]);
    expect(byKey.apf.speechSlots).toEqual([
      { kind: 'speech', min: 60, max: 80, step: 0.5 },
      { kind: 'speech', min: 60, max: 80, step: 0.5 },
      { kind: 'reply', min: 30, max: 40, step: 0.5, eligiblePositions: [1] },
    ]);
    expect(byKey.ld).toMatchObject({
      speakersPerSide: 1,
      ironSpeeches: false,
      result: { kind: 'win-loss', winPoints: 1 },
    });
    expect(byKey.bp.result).toEqual({ kind: 'ranks', pointsByRank: [3, 2, 1, 0] });
    // The draw rules a tournament may set, with the values they take when left out.
    expect(byKey.bp.drawRules).toEqual({
      kind: 'british-parliamentary',
      bp: { entropyExponent: 4 },
      panels: { maxPanelSize: 5, evenPanels: false },
    });
    expect(byKey.wsdc.drawRules).toEqual({
      kind: 'power-pairing',
      pairing: { oddBracket: 'pull-up-top', method: 'fold', avoidInstitution: true },
      panels: { maxPanelSize: 5, evenPanels: false },
    });
    expect(byKey.wsdc.tab).toEqual({
      teamTieBreaks: ['wins', 'ballots', 'speakerAverage'],
      speakerRankBy: 'average',
      minSpeeches: 2,
    });
  });

  it('serves one format by key, and a 404 naming an unknown one', async () => {
    const { body } = await request(t.url).get('/api/formats/ld').expect(200);
    expect(body.sides.map((s: { code: string }) => s.code)).toEqual(['aff', 'neg']);
    const missing = await request(t.url).get('/api/formats/karl-popper').expect(404);
    expect(JSON.stringify(missing.body.message)).toContain('format karl-popper not found');
  });

  it('describes its answers in the OpenAPI document', async () => {
    const doc = await request(t.url).get('/api/docs-json').expect(200);
    const ok = doc.body.paths['/api/formats'].get.responses['200'];
    expect(ok.content['application/json'].schema.$ref).toBe('#/components/schemas/FormatPage');
    expect(doc.body.components.schemas.FormatView.required).toEqual(
      expect.arrayContaining(['key', 'sides', 'speechSlots', 'tab']),
    );
  });
});
