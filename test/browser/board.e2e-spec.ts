import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { Fixtures, type CreatedJudge } from '../support/fixtures.js';
import { RecordingSocket } from '../support/live-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TournamentKit, type DrawnDebate } from '../support/tournaments.js';
import { axe, browserSuite, screenshots, startBrowserApp, stopBrowserApp } from './support.js';

/**
 * The audience board and the venue projector (`/board`) in Chromium (test/browser/support.ts) against the built
 * client and server on the embedded database. Screenshots go to test-artifacts/board/ (git-ignored). Prints the
 * event → DOM figure as a JSON line.
 */
const { shot } = screenshots('board');
const suite = browserSuite('board browser tests');

const PHONE = { width: 390, height: 844 };
const SCREEN = { width: 1920, height: 1080 };

interface Applied {
  room: string;
  seq: number;
  type: string;
}

suite('audience board and projector in Chromium (e2e)', () => {
  let t: TestApp, browser: Browser;
  let fx: Fixtures;
  let kit: TournamentKit;
  const contexts: BrowserContext[] = [];
  const api = () => request(t.url);
  const org = () => fx.auth();

  beforeAll(async () => {
    ({ t, browser } = await startBrowserApp());
    fx = new Fixtures(t, await t.organiserToken());
    kit = new TournamentKit(t, fx);
  });
  let restartedDir: string | undefined;
  afterAll(async () => {
    await stopBrowserApp(t, browser);
    if (restartedDir) rmSync(restartedDir, { recursive: true, force: true });
  });

  async function open(path: string, viewport = PHONE): Promise<Page> {
    const context = await browser.newContext({ viewport, baseURL: t.url });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(path);
    await page.locator('[data-live="live"]').waitFor();
    return page;
  }

  /** Events the page applied, in order, from its performance marks. */
  const applied = (page: Page, room: string) =>
    page.evaluate(
      (r) =>
        performance
          .getEntriesByName('orleu:event')
          .map((e) => (e as PerformanceMark).detail as Applied)
          .filter((d) => d.room === r),
      room,
    );

  /** Retries `check` on fresh values of `read` until it passes or `timeoutMs` runs out (then its last failure). */
  async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      try {
        check(value);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  const eventToDom: number[] = [];
  async function collectEventToDom(page: Page) {
    eventToDom.push(
      ...(await page.evaluate(() => performance.getEntriesByName('orleu:event-to-dom').map((e) => e.duration))),
    );
  }

  it("a cup's regional tournament, live: a ballot is on the audience page within a second, silent rounds stay silent, the 2-team bracket with a bye, the cup's qualifiers", async () => {
    const cup = await api()
      .post('/api/cups')
      .set(org())
      .send({ name: 'AMANAT Cup', season: '2026', slotsPerRegion: 2 })
      .expect(201);
    const cupId = cup.body.id as string;
    const { id } = await kit.tournament({
      teams: 6,
      prelimRounds: 2,
      breakSize: 3,
      judges: 3,
      regionCode: 'north',
      cupId,
    });
    const cupPage = await open(`/board/cup/${cupId}`);
    await cupPage.getByRole('link', { name: /^Kit / }).waitFor();
    await expect(cupPage.locator('h1').textContent()).resolves.toBe('AMANAT Cup');
    const draw = await open(`/board/tournament/${id}`, { width: 1280, height: 900 });
    const teams = await open(`/board/tournament/${id}/teams`);
    await draw.getByText('Әзірге бірде-бір раунд жарияланған жоқ.').waitFor();

    const motion = 'Бұл палата мектеп формасын алып тастар еді';
    const round1 = await kit.draw(id, { motion });
    // The draw event: rooms appear without a reload, the motion stays covered until it is released on its own.
    await draw.locator('li.debate').first().waitFor({ timeout: 1000 });
    await expect(draw.getByText(motion).count()).resolves.toBe(0);
    await api().post(`/api/tournaments/${id}/rounds/${round1.seq}/motion/release`).set(org()).expect(200);
    await draw.getByText(motion).waitFor({ timeout: 1000 });
    await expect(draw.locator('li.debate').count()).resolves.toBe(3);
    await cupPage.getByText('Іріктеу раундтары · 1-раунд').waitFor({ timeout: 1000 });

    // The new draw's highlight fades first, so what the ballot highlights is the ballot's alone.
    await eventually(
      () => draw.locator('.flash').count(),
      (v) => expect(v).toBe(0),
      5000,
    );
    // A judge's ballot (over HTTP, as the tablet sends it) reaches both audience pages within a second.
    const first = round1.debates[0];
    const winner = [...first.teams].sort((a, b) => kit.strength.get(b.teamId)! - kit.strength.get(a.teamId)!)[0];
    await kit.submit(first, first.panel[0].judgeId).expect(201);
    const accepted = Date.now();
    await draw.locator(`li.debate[data-debate="${first.id}"]`).getByText('Нәтиже шықты').waitFor({ timeout: 1000 });
    await teams.locator(`tr[data-team="${winner.teamId}"] td:nth-child(4)`).getByText('1').waitFor({ timeout: 1000 });
    // What changed is highlighted: the debate's card and the winner's row, not the others.
    await draw.locator(`li.debate.flash[data-debate="${first.id}"]`).waitFor({ timeout: 1000 });
    await teams.locator(`tr.flash[data-team="${winner.teamId}"]`).waitFor({ timeout: 1000 });
    await expect(draw.locator(`li.debate.flash[data-debate="${round1.debates[1].id}"]`).count()).resolves.toBe(0);
    const shownIn = Date.now() - accepted;
    expect(shownIn).toBeLessThan(1000);
    process.stdout.write(`board: ballot accepted → on the audience's draw and team tab in ${shownIn} ms\n`);
    expect(draw.url()).toBe(`${t.url}/board/tournament/${id}`);

    await kit.judgeAll(round1.debates.slice(1));
    await teams.locator('tbody tr').first().waitFor();
    await draw.getByText('Нәтиже шықты').nth(2).waitFor();
    for (const [page, name] of [
      [draw, 'tournament-draw'],
      [teams, 'tournament-teams'],
    ] as const) {
      await axe(page, name);
      await page.setViewportSize(PHONE);
      await shot(page, `${name}-phone`);
      await page.setViewportSize(SCREEN);
      await shot(page, `${name}-1920`);
    }
    await draw.getByRole('link', { name: 'Спикерлер кестесі' }).click();
    await draw.locator('tbody tr').first().waitFor();
    expect(draw.url()).toBe(`${t.url}/board/tournament/${id}/speakers`);
    await axe(draw, 'speakers');
    await shot(draw, 'tournament-speakers-1920');
    await draw.setViewportSize(PHONE);
    await shot(draw, 'tournament-speakers-phone');
    await draw.getByRole('link', { name: 'Жеребе' }).click();
    const winsAfterRound1 = await teams.locator('tbody td:nth-child(4)').allTextContents();
    expect(winsAfterRound1.map(Number).reduce((a, b) => a + b, 0)).toBe(3);

    // A silent round: ballots come in (counted), but no result, no tab change, until the organiser reveals it.
    const round2 = await kit.draw(id, { motion: 'Silent motion', silent: true });
    await api().post(`/api/tournaments/${id}/rounds/${round2.seq}/motion/release`).set(org()).expect(200);
    await draw.getByText('Silent motion').waitFor({ timeout: 1000 });
    await draw.getByText('Жабық раунд: нәтижелер кейін жарияланады.').waitFor();
    await kit.judgeAll(round2.debates);
    await draw.getByText('Бюллетень 1/1').nth(2).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 500)); // the coalesced standings push has gone out
    await expect(draw.getByText('Нәтиже шықты').count()).resolves.toBe(0);
    await expect(teams.locator('tbody td:nth-child(4)').allTextContents()).resolves.toEqual(winsAfterRound1);
    await api().post(`/api/tournaments/${id}/rounds/2/reveal`).set(org()).expect(200);
    await draw.getByText('Нәтиже шықты').nth(2).waitFor({ timeout: 1000 });
    await eventually(
      async () =>
        (await teams.locator('tbody td:nth-child(4)').allTextContents()).map(Number).reduce((a, b) => a + b, 0),
      (v) => expect(v).toBe(6),
    );

    // The break of three: the top seed has a bye; the semifinal, then the final; the champion's path.
    const bracket = await open(`/board/tournament/${id}/bracket`, SCREEN);
    const semis = await kit.draw(id);
    expect(semis.debates).toHaveLength(1);
    await bracket.locator('.match').nth(2).waitFor({ timeout: 1000 });
    await expect(bracket.locator('.bracket-round').first().getByText('ойынсыз өтеді').count()).resolves.toBe(1);
    await expect(bracket.locator('.bracket-round').first().locator('.seed').allTextContents()).resolves.toEqual([
      '1',
      '',
      '2',
      '3',
    ]);
    await kit.judgeAll(semis.debates);
    const final = await kit.draw(id, { motion: 'Бұл палата сайлауға қатысуды міндетті етер еді' });
    await api().post(`/api/tournaments/${id}/rounds/${final.seq}/motion/release`).set(org()).expect(200);
    await kit.judgeAll(final.debates);
    await bracket.locator('.champion').waitFor({ timeout: 2000 });
    // The path: the champion's semifinal (or bye) and the final.
    await expect(bracket.locator('.match.path').count()).resolves.toBe(2);
    await axe(bracket, 'bracket');
    await shot(bracket, 'tournament-bracket-1920');
    await bracket.setViewportSize(PHONE);
    await shot(bracket, 'tournament-bracket-phone');

    // The regional final sends its two best teams to the cup: they appear on the cup's page.
    const places = (await api().get(`/api/tournaments/${id}`).expect(200)).body.finalPlaces as string[];
    const names = new Map(
      (
        (await api().get(`/api/tournaments/${id}`).expect(200)).body.teams as { teamId: string; teamName: string }[]
      ).map((x) => [x.teamId, x.teamName]),
    );
    const row = cupPage.locator('li.region[data-region="north"]');
    await row.getByText('Аяқталды').waitFor({ timeout: 1000 });
    await expect(row.locator('ol.inline li').allTextContents()).resolves.toEqual(
      places.slice(0, 2).map((x) => names.get(x)),
    );
    await axe(cupPage, 'cup');
    await shot(cupPage, 'cup-phone');
    await cupPage.setViewportSize(SCREEN);
    await shot(cupPage, 'cup-1920');

    // Projector: large type, the draw by team name, the motion slide revealed by the presenter's key.
    const screen = await open(`/board/tournament/${id}/screen?order=team`, SCREEN);
    await screen.getByRole('button', { name: '2. Тақырып' }).click();
    await screen.getByRole('button', { name: 'Тақырыпты ашу' }).waitFor();
    await screen.keyboard.press('PageDown');
    await screen.locator('.slide-motion').getByText('Бұл палата сайлауға қатысуды міндетті етер еді').waitFor();
    await shot(screen, 'screen-motion-1920');
    await screen.keyboard.press('1');
    await screen.getByRole('link', { name: 'Командалар бойынша' }).waitFor();
    await axe(screen, 'screen-draw');
    await shot(screen, 'screen-draw-by-team-1920');
    await screen.keyboard.press('3');
    await screen.locator('.champion').waitFor();
    await shot(screen, 'screen-bracket-1920');

    for (const page of [draw, teams]) await collectEventToDom(page);
  }, 240_000);

  it('a BP bracket renders its rooms of four, the places and who goes on, and the champion', async () => {
    const created = await api()
      .post('/api/tournaments')
      .set(org())
      .send({ name: 'BP Open', level: 'regional', regionCode: 'east', format: 'bp', prelimRounds: 1, breakSize: 8 })
      .expect(201);
    const id = created.body.id as string;
    for (let i = 0; i < 8; i++) {
      const team = await fx.team('east', `BP ${String.fromCharCode(65 + i)}`);
      kit.speakers.set(
        team.id,
        team.members.map((m) => m.id),
      );
      kit.strength.set(team.id, 8 - i);
      await api().post(`/api/tournaments/${id}/teams`).set(org()).send({ teamId: team.id }).expect(201);
    }
    const pool: string[] = [];
    for (let j = 0; j < 2; j++) {
      const judge = await fx.judge('east');
      kit.judges.set(judge.id, judge);
      pool.push(judge.id);
    }
    await api().post(`/api/tournaments/${id}/adjudicators`).set(org()).send({ judgeIds: pool }).expect(201);
    const bpBallot = (debate: DrawnDebate) => ({
      teams: debate.teams.map(({ teamId }) => ({
        teamId,
        speeches: kit.speakers
          .get(teamId)!
          .slice(0, 2)
          .map((speakerId) => ({ speakerId, score: 60 + kit.strength.get(teamId)! })),
      })),
    });
    const judgeAll = async (debates: DrawnDebate[]) => {
      for (const debate of debates) {
        await api()
          .post(`/api/debates/${debate.id}/ballots`)
          .set('Authorization', `Bearer ${kit.judges.get(debate.panel[0].judgeId)!.token}`)
          .send(bpBallot(debate))
          .expect(201);
      }
    };
    const page = await open(`/board/tournament/${id}/bracket`, SCREEN);
    await judgeAll((await kit.draw(id)).debates);
    const semis = await kit.draw(id);
    await page.locator('.match.room4').nth(2).waitFor({ timeout: 1000 });
    // Two semifinal rooms and the final, four places each; the final waits for its teams.
    await expect(page.locator('.match.room4').count()).resolves.toBe(3);
    for (let m = 0; m < 3; m++)
      await expect(page.locator('.match.room4').nth(m).locator('.slot').count()).resolves.toBe(4);
    await expect(page.locator('.match.room4').nth(2).getByText('әлі белгісіз').count()).resolves.toBe(4);
    await judgeAll(semis.debates);
    // Each semifinal's top two (by strength here) go on, marked, with their places 1–4.
    const semi = page.locator('.match.room4').first();
    await semi.locator('.slot.won').nth(1).waitFor({ timeout: 2000 });
    const strongest = [...semis.debates[0].teams].sort(
      (a, b) => kit.strength.get(b.teamId)! - kit.strength.get(a.teamId)!,
    );
    const nameOf = async (teamId: string) =>
      ((await api().get(`/api/teams/${teamId}`).expect(200)).body as { name: string }).name;
    await expect(semi.locator('.slot.won .name').allTextContents()).resolves.toEqual(
      expect.arrayContaining([await nameOf(strongest[0].teamId), await nameOf(strongest[1].teamId)]),
    );
    await expect(semi.locator('.slot .place').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['1', '2', '3', '4']),
    );
    const final = await kit.draw(id);
    await page
      .locator('.match.room4')
      .nth(2)
      .locator('.slot .name', { hasText: 'BP' })
      .nth(3)
      .waitFor({ timeout: 1000 });
    await judgeAll(final.debates);
    await page.locator('.champion').waitFor({ timeout: 2000 });
    await expect(page.locator('.champion').textContent()).resolves.toContain(await nameOf(strongest[0].teamId));
    await axe(page, 'bp-bracket');
    await shot(page, 'bp-bracket-1920');
    await page.setViewportSize(PHONE);
    await shot(page, 'bp-bracket-phone');
    // On a phone the bracket scrolls sideways inside its own frame, not the page.
    const scroll = await page
      .locator('.bracket-wrap')
      .evaluate((el) => ({ inner: el.scrollWidth, outer: el.clientWidth }));
    expect(scroll.inner).toBeGreaterThan(scroll.outer);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    await collectEventToDom(page);
  }, 180_000);

  it('the freeze-and-reveal ceremony: the organiser signs in on the projector and each → reveals one row, from the bottom', async () => {
    const created = await api()
      .post('/api/case-championships')
      .set(org())
      .send({ title: 'Жастар мәселесі жастар көзімен — Шығыс', regionCode: 'east', qualifierSlots: 2 })
      .expect(201);
    const id = created.body.id as string;
    const entered: { id: string; name: string }[] = [];
    for (const name of ['Алтай', 'Ертіс', 'Зайсан', 'Марқакөл', 'Күршім']) {
      const team = await fx.team('east', name);
      entered.push({ id: team.id, name });
      await api().post(`/api/case-championships/${id}/entries`).set(org()).send({ teamId: team.id }).expect(201);
    }
    const juror: CreatedJudge = await fx.judge('east');
    await api()
      .post(`/api/case-championships/${id}/jury`)
      .set(org())
      .send({ judgeIds: [juror.id] })
      .expect(201);
    await api().post(`/api/case-championships/${id}/start-scoring`).set(org()).expect(200);
    const audience = await open(`/board/championship/${id}`);
    // Team i scores 9 - i on every criterion except presentation (3 + i): the total order is known in advance.
    for (const [i, team] of entered.entries()) {
      await api()
        .put(`/api/case-championships/${id}/scoresheets/${team.id}`)
        .set('Authorization', `Bearer ${juror.token}`)
        .send({
          scores: { relevance: 9 - i, analysis: 9 - i, feasibility: 9 - i, innovation: 9 - i, presentation: 3 + i },
        })
        .expect(200);
    }
    const order = entered.map((x) => x.name);
    await eventually(
      () => audience.locator('tbody td:nth-child(2)').allTextContents(),
      (v) => expect(v).toEqual(order),
    );
    // The breakdown per criterion: Алтай's five columns, then the total.
    await expect(audience.locator('tbody tr').first().locator('td').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['1', 'Алтай', '9', '3']),
    );
    // Criteria in the audience's language (the default rubric's Kazakh names).
    await expect(audience.locator('thead th').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Мәселенің өзектілігі', 'Жаңашылдық']),
    );
    await axe(audience, 'championship');
    await shot(audience, 'championship-phone');
    await audience.setViewportSize(SCREEN);
    await shot(audience, 'championship-1920');

    const screen = await open(`/board/championship/${id}/screen`, SCREEN);
    await screen.getByLabel('Логин').fill('organiser');
    await screen.getByLabel('Құпиясөз').fill('organiser-password');
    await screen.getByRole('button', { name: 'Кіру' }).click();
    await screen.getByRole('button', { name: 'Тақтаны тоқтату' }).click();
    const named = (page: Page) => page.locator('tbody tr:not(.hidden-row) td:nth-child(2)').allTextContents();
    await eventually(
      () => named(screen),
      (v) => expect(v).toEqual([]),
      2000,
    );
    await eventually(
      () => named(audience),
      (v) => expect(v).toEqual([]),
      2000,
    );
    // The frozen board knows no hidden name: not in its DOM, not in what the page holds.
    await expect(audience.content()).resolves.not.toContain('Алтай');
    await shot(screen, 'screen-frozen-1920');
    for (let step = 1; step < order.length; step++) {
      await screen.keyboard.press(step % 2 ? 'ArrowRight' : ' ');
      await eventually(
        () => named(screen),
        (v) => expect(v).toEqual(order.slice(order.length - step)),
        2000,
      );
      await eventually(
        () => named(audience),
        (v) => expect(v).toEqual(order.slice(order.length - step)),
        2000,
      );
      await expect(audience.content()).resolves.not.toContain(order[order.length - step - 1]);
    }
    await shot(screen, 'screen-reveal-1920');
    await screen.keyboard.press('PageDown');
    await eventually(
      () => named(screen),
      (v) => expect(v).toEqual(order),
      2000,
    );
    await audience.getByRole('heading', { name: 'Жолдама алғандар' }).waitFor();
    await expect(audience.locator('ol.qualifiers li').allTextContents()).resolves.toEqual(['Алтай', 'Ертіс']);
    await axe(screen, 'championship-screen');
  }, 120_000);

  it("the judges' service worker does not capture /board: a device that opened the judge app still gets the board", async () => {
    const context = await browser.newContext({ viewport: PHONE, baseURL: t.url });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    // The judge app registers its shell cache on 127.0.0.1 (a secure context); once active, it sees every
    // navigation in its scope, /board included.
    await expect(
      page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? null),
    ).resolves.toBe(`${t.url}/sw.js`);
    await page.goto('/board');
    await page.getByRole('heading', { level: 1, name: 'Orleu · тікелей нәтижелер' }).waitFor();
    await page.getByRole('heading', { name: 'Кубоктар' }).waitFor();
  }, 60_000);

  it('the server restarts: the page shows it is reconnecting, resumes from its last seq, and applies every event once', async () => {
    const { id } = await kit.tournament({ teams: 4, prelimRounds: 2, breakSize: 2, judges: 2, regionCode: 'west' });
    const round = await kit.draw(id);
    const page = await open(`/board/tournament/${id}`, { width: 1280, height: 900 });
    await kit.submit(round.debates[0], round.debates[0].panel[0].judgeId).expect(201);
    await page.getByText('Нәтиже шықты').first().waitFor();
    const before = await applied(page, `tournament:${id}`);

    const port = new URL(t.url).port;
    const dataDir = (restartedDir = t.dataDir!);
    await t.close({ keepData: true });
    await page.locator('[data-live="reconnecting"]').waitFor({ timeout: 5000 });
    await shot(page, 'reconnecting-1280');
    t = await startTestApp({ embedded: true, dataDir, env: { PORT: port } });
    // While the page is still away: the second debate's ballot, and the next round drawn.
    await kit.submit(round.debates[1], round.debates[1].panel[0].judgeId).expect(201);
    await page.locator('[data-live="live"]').waitFor({ timeout: 20_000 });
    await page.getByText('Нәтиже шықты').nth(1).waitFor({ timeout: 5000 });

    const room = `tournament:${id}`;
    const audience = new RecordingSocket(t.url);
    await audience.connected();
    const last = (await audience.subscribe({ kind: 'tournament', id })).seq!;
    audience.close();
    await eventually(
      async () => (await applied(page, room)).at(-1)?.seq,
      (v) => expect(v).toBe(last),
      3000,
    );
    const after = await applied(page, room);
    const seqs = after.map((e) => e.seq);
    const firstSeq = seqs[0];
    // Every seq from the first applied to the room's last, once each, in order.
    expect(seqs).toEqual(Array.from({ length: last - firstSeq + 1 }, (_, i) => firstSeq + i));
    expect(after.slice(0, before.length)).toEqual(before);
    const resubscribed = await page.evaluate(
      (r) =>
        performance
          .getEntriesByName('orleu:subscribed')
          .map((e) => (e as PerformanceMark).detail as { room: string; resumed?: boolean; sinceSeq: number | null })
          .filter((d) => d.room === r),
      room,
    );
    expect(resubscribed.at(-1)).toEqual(expect.objectContaining({ resumed: true, sinceSeq: before.at(-1)!.seq }));
    await expect(page.evaluate(() => performance.getEntriesByName('orleu:snapshot').length)).resolves.toBe(1);
    process.stdout.write(
      `board: resumed after restart from seq ${before.at(-1)!.seq}; replayed ${after.length - before.length} event(s) up to ${last}\n`,
    );
    await collectEventToDom(page);
  }, 120_000);

  afterAll(() => {
    const sorted = [...eventToDom].sort((a, b) => a - b);
    const median = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
    process.stdout.write(
      `${JSON.stringify({ metric: 'board.eventToDomMs', samples: sorted.length, median: median && Math.round(median * 100) / 100, p90: sorted.length ? Math.round(sorted[Math.floor(sorted.length * 0.9)] * 100) / 100 : null, max: sorted.at(-1) ?? null })}\n`,
    );
  });
});
