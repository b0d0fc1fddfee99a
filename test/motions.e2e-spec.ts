import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Fixtures } from './support/fixtures.js';
import { RecordingSocket } from './support/live-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TournamentKit } from './support/tournaments.js';

interface Problem {
  field: string | null;
  code: string;
  message: string;
}

describe('Motions: set on a draft, released after the draw, public list (e2e)', () => {
  let t: TestApp;
  let fx: Fixtures;
  let kit: TournamentKit;
  let org: Record<string, string>;
  let organiserId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const token = await t.organiserToken();
    organiserId = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;
    fx = new Fixtures(t, token);
    kit = new TournamentKit(t, fx);
    org = fx.auth();
  });
  afterAll(() => t.close());

  const api = () => request(t.url);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const problems = (body: { problems: Problem[] }) => body.problems.map((p) => [p.field, p.code]);

  it('keeps the motion and info slide off every public place until the tab releases it, after the draw', async () => {
    const { id } = await kit.tournament({ teams: 4, judges: 2, prelimRounds: 2, breakSize: 2, regionCode: 'north' });
    const audience = new RecordingSocket(t.url);
    await audience.connected();
    expect((await audience.subscribe({ kind: 'tournament', id })).ok).toBe(true);

    const drawn = await api()
      .post(`/api/tournaments/${id}/rounds`)
      .set(org)
      .send({ motion: 'Draft motion that never goes out', infoSlide: 'Draft slide' })
      .expect(201);
    expect(drawn.body).toMatchObject({
      motion: 'Draft motion that never goes out',
      infoSlide: 'Draft slide',
      motionReleasedAt: null,
    });
    // Edited on the draft, in the league's language.
    const kk = 'Бұл палата мектептерде үй тапсырмасын жояр еді';
    const slide = 'Финляндия 2025 жылы бастауыш сыныптарда үй тапсырмасын қысқартты.';
    const set = await api()
      .put(`/api/tournaments/${id}/rounds/1/motion`)
      .set(org)
      .send({ motion: kk, infoSlide: slide })
      .expect(200);
    expect(set.body).toEqual({
      roundSeq: 1,
      roundName: 'Round 1',
      roundKind: 'prelim',
      motion: kk,
      infoSlide: slide,
      released: false,
      releasedAt: null,
    });
    // A draft's motion cannot go out before its draw.
    const early = await api().post(`/api/tournaments/${id}/rounds/1/motion/release`).set(org).expect(409);
    expect(problems(early.body)).toEqual([[null, 'WRONG_STATE']]);
    expect((await api().get(`/api/tournaments/${id}/motions`).expect(200)).body).toEqual({ items: [], total: 0 });

    const released = await api().post(`/api/tournaments/${id}/rounds/1/release`).set(org).expect(200);
    // The release answers the round as the public now sees it; so do the debate and the judges' tablets.
    expect(released.body.motion).toBeNull();
    expect((await api().get(`/api/tournaments/${id}/rounds/1`).set(org).expect(200)).body.motion).toBe(kk);
    const round = (await api().get(`/api/tournaments/${id}/rounds/1`).expect(200)).body;
    expect([round.motion, round.infoSlide, round.motionReleasedAt]).toEqual([null, null, null]);
    expect((await api().get(`/api/tournaments/${id}/rounds`).expect(200)).body.items[0].motion).toBeNull();
    const debate = round.debates[0];
    expect((await api().get(`/api/debates/${debate.id}`).expect(200)).body.motion).toBeNull();
    const judge = kit.judges.get(debate.panel[0].judgeId)!;
    const work = (await api().get('/api/me/work').set(as(judge.token)).expect(200)).body;
    expect(work.debates.map((d: { motion: string | null }) => d.motion)).toEqual([null]);
    expect((await api().get('/api/debates/mine').set(as(judge.token)).expect(200)).body.items[0].motion).toBeNull();
    expect((await api().get(`/api/tournaments/${id}/motions`).expect(200)).body).toEqual({ items: [], total: 0 });
    const organiserList = (await api().get(`/api/tournaments/${id}/motions`).set(org).expect(200)).body;
    expect(organiserList).toEqual({ total: 1, items: [set.body] });

    // Still editable after the draw is out, while the motion is not.
    const final = 'Бұл палата бастауыш мектептерде үй тапсырмасын жояр еді';
    await api().put(`/api/tournaments/${id}/rounds/1/motion`).set(org).send({ motion: final }).expect(200);
    await audience.waitFor((m) => m.event === 'draw');
    const late = new RecordingSocket(t.url);
    await late.connected();
    await late.subscribe({ kind: 'tournament', id });
    const snapshot = await late.waitFor((m) => m.event === 'snapshot');
    for (const text of [kk, final, slide, 'Draft motion', 'Draft slide']) {
      expect(JSON.stringify(audience.messages)).not.toContain(text);
      expect(JSON.stringify(snapshot)).not.toContain(text);
    }
    late.close();

    const out = await api().post(`/api/tournaments/${id}/rounds/1/motion/release`).set(org).expect(200);
    // The edit kept the info slide (it was not sent).
    expect(out.body).toMatchObject({ roundSeq: 1, motion: final, infoSlide: slide, released: true });
    expect(Date.now() - Date.parse(out.body.releasedAt)).toBeLessThan(60_000);
    const event = await audience.waitFor((m) => m.event === 'motion');
    expect(event).toMatchObject({ ...out.body, corrected: false });
    const list = (await api().get(`/api/tournaments/${id}/motions`).expect(200)).body;
    expect(list).toEqual({ items: [out.body], total: 1 });
    expect((await api().get(`/api/tournaments/${id}/rounds/1`).expect(200)).body).toMatchObject({
      motion: final,
      infoSlide: slide,
      motionReleasedAt: out.body.releasedAt,
    });
    expect((await api().get(`/api/debates/${debate.id}`).expect(200)).body.motion).toBe(final);
    const after = (await api().get('/api/me/work').set(as(judge.token)).expect(200)).body;
    expect(after.debates.map((d: { motion: string | null }) => d.motion)).toEqual([final]);
    expect((await api().get('/api/debates/mine').set(as(judge.token)).expect(200)).body.items[0].motion).toBe(final);
    await api().post(`/api/tournaments/${id}/rounds/1/motion/release`).set(org).expect(409);
    // A draw whose motion is out (being debated) is not drawn again.
    await api().post(`/api/tournaments/${id}/rounds/1/regenerate`).set(org).send({}).expect(409);

    // Read out: a change needs force, and is audited and pushed as a correction.
    const refused = await api()
      .put(`/api/tournaments/${id}/rounds/1/motion`)
      .set(org)
      .send({ motion: 'Quietly changed' })
      .expect(409);
    expect(problems(refused.body)).toEqual([['force', 'MOTION_RELEASED']]);
    expect((await api().get(`/api/tournaments/${id}/motions`).expect(200)).body.items[0].motion).toBe(final);
    const corrected = `${final} (түзетілді)`;
    const forced = await api()
      .put(`/api/tournaments/${id}/rounds/1/motion`)
      .set(org)
      .send({ motion: corrected, force: true })
      .expect(200);
    expect(forced.body).toMatchObject({ motion: corrected, infoSlide: slide, releasedAt: out.body.releasedAt });
    expect(await audience.waitFor((m) => m.event === 'motion' && m.corrected === true)).toMatchObject({
      motion: corrected,
    });
    const audit = (await api().get(`/api/tournaments/${id}/audit`).set(org).expect(200)).body;
    const rows = audit.items as { action: string }[];
    expect(rows.filter((r) => r.action === 'motion-edit')).toEqual([
      expect.objectContaining({
        actor: `organiser:${organiserId}`,
        before: { motion: { motion: final, infoSlide: slide } },
        after: { motion: { motion: corrected, infoSlide: slide } },
      }),
    ]);
    audience.close();
  });

  it('refuses a release without a motion and bad input, changing nothing; 404 for a round that is not there', async () => {
    const { id } = await kit.tournament({ teams: 2, judges: 1, prelimRounds: 1, breakSize: 2, regionCode: 'west' });
    await kit.draw(id);
    const missing = await api().post(`/api/tournaments/${id}/rounds/1/motion/release`).set(org).expect(409);
    expect(problems(missing.body)).toEqual([['motion', 'MOTION_MISSING']]);
    for (const [body, field] of [
      [{ motion: '   ' }, 'motion'],
      [{}, 'motion'],
      [{ motion: 7 }, 'motion'],
      [{ motion: 'x'.repeat(1001) }, 'motion'],
      [{ motion: 'ok', infoSlide: 'x'.repeat(5001) }, 'infoSlide'],
      [{ motion: 'ok', force: 'yes' }, 'force'],
      [{ motion: 'ok', colour: 'red' }, 'colour'],
    ] as const) {
      const res = await api().put(`/api/tournaments/${id}/rounds/1/motion`).set(org).send(body).expect(400);
      expect(res.body.problems.map((p: Problem) => p.field)).toContain(field);
    }
    expect((await api().get(`/api/tournaments/${id}/motions`).set(org).expect(200)).body.items).toEqual([
      expect.objectContaining({ roundSeq: 1, motion: null, infoSlide: null, released: false }),
    ]);
    // An empty info slide removes it.
    await api()
      .put(`/api/tournaments/${id}/rounds/1/motion`)
      .set(org)
      .send({ motion: 'M', infoSlide: 'S' })
      .expect(200);
    const cleared = await api()
      .put(`/api/tournaments/${id}/rounds/1/motion`)
      .set(org)
      .send({ motion: 'M', infoSlide: '' })
      .expect(200);
    expect([cleared.body.motion, cleared.body.infoSlide]).toEqual(['M', null]);
    await api().put(`/api/tournaments/${id}/rounds/9/motion`).set(org).send({ motion: 'M' }).expect(404);
    await api().post(`/api/tournaments/${id}/rounds/9/motion/release`).set(org).expect(404);
    await api().get(`/api/tournaments/${randomUUID()}/motions`).expect(404);
  });

  it('lists released motions by round with paging; a silent round shows its motion but none of its results', async () => {
    const { id } = await kit.tournament({ teams: 2, judges: 1, prelimRounds: 3, breakSize: 2, regionCode: 'south' });
    const one = await kit.draw(id, { motion: 'Motion one', infoSlide: 'Slide one' });
    await api().post(`/api/tournaments/${id}/rounds/1/motion/release`).set(org).expect(200);
    await kit.judgeAll(one.debates);
    const two = await kit.draw(id, { motion: 'Silent motion', silent: true });
    await api().post(`/api/tournaments/${id}/rounds/2/motion/release`).set(org).expect(200);
    await kit.judgeAll(two.debates);
    // Round 3 is drawn (a draft) with its motion set: nothing of it reaches the public.
    await api().post(`/api/tournaments/${id}/rounds`).set(org).send({ motion: 'Round three, unreleased' }).expect(201);

    const list = (await api().get(`/api/tournaments/${id}/motions`).expect(200)).body;
    expect(list.total).toBe(2);
    expect(list.items).toEqual([
      expect.objectContaining({ roundSeq: 1, motion: 'Motion one', infoSlide: 'Slide one', released: true }),
      expect.objectContaining({ roundSeq: 2, roundName: 'Round 2', motion: 'Silent motion', infoSlide: null }),
    ]);
    // Only what the list promises: no result of the silent round rides along.
    expect(Object.keys(list.items[1]).sort()).toEqual(
      ['infoSlide', 'motion', 'released', 'releasedAt', 'roundKind', 'roundName', 'roundSeq'].sort(),
    );
    const silent = (await api().get(`/api/tournaments/${id}/rounds/2`).expect(200)).body;
    expect(silent.motion).toBe('Silent motion');
    expect(silent.debates.map((d: { status: string; result?: unknown }) => [d.status, d.result])).toEqual([
      ['pending', undefined],
    ]);
    const page = (await api().get(`/api/tournaments/${id}/motions?limit=1&offset=1`).expect(200)).body;
    expect(page).toEqual({ items: [list.items[1]], total: 2 });
    const everything = JSON.stringify([
      list,
      (await api().get(`/api/tournaments/${id}/rounds`).expect(200)).body,
      (await api().get(`/api/tournaments/${id}`).expect(200)).body,
    ]);
    expect(everything).not.toContain('Round three');
    await api().get(`/api/tournaments/${id}/rounds/3`).expect(404);
    const organiser = (await api().get(`/api/tournaments/${id}/motions`).set(org).expect(200)).body;
    expect(organiser.items.map((m: { roundSeq: number; released: boolean }) => [m.roundSeq, m.released])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
  });

  // PGlite serves one connection, so requests never overlap there: the race needs a real server.
  const onServer = process.env.DATABASE_URL ? it : it.skip;
  onServer(
    'lets one of two simultaneous releases through, after any edit racing it, and announces it once',
    async () => {
      const { id } = await kit.tournament({
        teams: 2,
        judges: 1,
        prelimRounds: 1,
        breakSize: 2,
        regionCode: 'central',
      });
      await kit.draw(id, { motion: 'Before the race' });
      const audience = new RecordingSocket(t.url);
      await audience.connected();
      await audience.subscribe({ kind: 'tournament', id });
      const release = () => api().post(`/api/tournaments/${id}/rounds/1/motion/release`).set(org);
      const edit = api().put(`/api/tournaments/${id}/rounds/1/motion`).set(org).send({ motion: 'Edited in the race' });
      const [first, second, edited] = await Promise.all([release(), release(), edit]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const winner = first.status === 200 ? first.body : second.body;
      // The edit either landed before the release (and went out with it) or after (and was refused).
      const listed = (await api().get(`/api/tournaments/${id}/motions`).expect(200)).body.items;
      if (edited.status === 200)
        expect([winner.motion, listed[0].motion]).toEqual(['Edited in the race', 'Edited in the race']);
      else {
        expect(edited.status).toBe(409);
        expect([winner.motion, listed[0].motion]).toEqual(['Before the race', 'Before the race']);
      }
      await audience.waitFor((m) => m.event === 'motion');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(audience.events().filter((m) => m.event === 'motion')).toHaveLength(1);
      audience.close();
    },
  );
});
