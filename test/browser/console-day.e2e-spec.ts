import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { Fixtures } from '../support/fixtures.js';
import { ORGANISER, type TestApp } from '../support/test-app.js';
import { TournamentKit } from '../support/tournaments.js';
import { axe, browserSuite, screenshots, startBrowserApp, stopBrowserApp } from './support.js';

/**
 * The console on the day, in Chromium (test/browser/support.ts): the check-in desk for round 1, a judge moved on the
 * draft into a conflict the server reports, and the motion set on the draft and released after the draw. The
 * tournament is made over HTTP (the season set-up is console.e2e-spec's); every step is checked on the API.
 */
const { shot } = screenshots('console');
const suite = browserSuite('console day browser test');

interface Availability {
  teamCheckInInUse: boolean;
  judgeCheckInInUse: boolean;
  items: { kind: string; id: string; name: string; checkedIn: boolean | null; available: boolean }[];
}
interface Panels {
  items: {
    id: string;
    room: number;
    teams: { teamId: string; teamName: string }[];
    panel: { judgeId: string; name: string; role: string }[];
    conflicts: { kind: string; judgeId: string; otherId: string; reason: string }[];
  }[];
}

suite('organiser console on the day in Chromium (e2e)', () => {
  let t: TestApp, browser: Browser;
  let org: Record<string, string>;
  let kit: TournamentKit;
  beforeAll(async () => {
    ({ t, browser } = await startBrowserApp());
    const fx = new Fixtures(t, await t.organiserToken());
    org = fx.auth();
    kit = new TournamentKit(t, fx);
  });
  afterAll(() => stopBrowserApp(t, browser));

  const dialogButton = (page: Page, name: string) => page.locator('dialog[open]').getByRole('button', { name });
  const api = () => request(t.url);

  it('checks teams and judges in, moves a judge into a conflict shown on the draft, sets and releases the motion', async () => {
    const { id, judgeIds } = await kit.tournament({ teams: 4, prelimRounds: 2, breakSize: 2, judges: 4 });
    const availability = async (): Promise<Availability> =>
      (await api().get(`/api/tournaments/${id}/rounds/1/availability`).set(org).expect(200)).body;
    const panels = async (): Promise<Panels> =>
      (await api().get(`/api/tournaments/${id}/rounds/1/panels`).set(org).expect(200)).body;
    const start = await availability();
    const teams = start.items.filter((x) => x.kind === 'team');
    const out = start.items.find((x) => x.id === judgeIds[0])!;

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: t.url });
    const page = await context.newPage();
    await page.goto('/console');
    await page.getByLabel('Пайдаланушы аты').fill(ORGANISER.username);
    await page.getByLabel('Құпиясөз').fill(ORGANISER.password);
    await page.getByLabel('Құпиясөз').press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Маусым' }).waitFor();

    // The desk: reached from the tournament; one team found by name and checked in with Enter.
    await page.goto(`/console/tournaments/${id}`);
    await page.getByRole('link', { name: '1-раундқа тіркелу' }).click();
    await page.getByRole('heading', { level: 1, name: '1-раундқа тіркелу' }).waitFor();
    await page.getByText('Әзірге ешкім тіркелмеген', { exact: false }).first().waitFor();
    const search = page.getByLabel('Іздеу');
    await search.fill(teams[2].name);
    await search.press('Enter');
    await page.getByText('4 ішінен 1 тіркелді').waitFor();
    let now = await availability();
    expect(now.teamCheckInInUse).toBe(true);
    expect(now.items.filter((x) => x.kind === 'team' && x.checkedIn).map((x) => x.id)).toEqual([teams[2].id]);

    // Every team at once (confirmed), then one judge checked out with their toggle, the rest in.
    await page.getByRole('button', { name: 'Көрсетілгендердің бәрін тіркеу · Командалар' }).click();
    await dialogButton(page, 'Көрсетілгендердің бәрін тіркеу').click();
    await page.getByText('4 ішінен 4 тіркелді').waitFor();
    await page.getByRole('button', { name: 'Көрсетілгендердің бәрін тіркеу · Төрешілер' }).click();
    await dialogButton(page, 'Көрсетілгендердің бәрін тіркеу').click();
    await page.locator(`li[data-checked="true"]`, { hasText: out.name }).waitFor();
    await page.getByRole('button', { name: `Келді · ${out.name}` }).click();
    await page.locator(`li[data-checked="false"]`, { hasText: out.name }).waitFor();
    await shot(page, 'check-in');
    await axe(page, 'check-in');
    now = await availability();
    expect(now.items.filter((x) => x.kind === 'team').every((x) => x.checkedIn === true)).toBe(true);
    const judgesNow = now.items.filter((x) => x.kind === 'judge');
    expect(
      judgesNow
        .filter((x) => x.checkedIn === true)
        .map((x) => x.id)
        .sort(),
    ).toEqual(judgeIds.slice(1).sort());
    expect(judgesNow.find((x) => x.id === out.id)).toMatchObject({ checkedIn: false, available: false });

    // The draft: three judges over two rooms (panels of two are not allowed here, so one judge is on no panel, or
    // sits as a wing). That judge declares a conflict with a team of another room and is moved there from the
    // console anyway: the server's conflict is shown and kept on the panel.
    await api().post(`/api/tournaments/${id}/rounds`).set(org).send({}).expect(201);
    const drawn = (await api().get(`/api/tournaments/${id}/rounds/1/panels`).set(org).expect(200)).body as Panels & {
      unallocated: { judgeId: string; name: string }[];
    };
    expect(drawn.items.flatMap((d) => d.panel.map((p) => p.judgeId))).not.toContain(out.id);
    const big = drawn.items.find((d) => d.panel.length > 1);
    const wing = drawn.unallocated[0] ?? big!.panel.find((p) => p.role === 'wing')!;
    const small = drawn.items.find((d) => d !== big)!;
    const team = small.teams[0];
    await api().post(`/api/judges/${wing.judgeId}/conflicts`).set(org).send({ teamId: team.teamId }).expect(201);
    await page.goto(`/console/tournaments/${id}/rounds/1`);
    await page.getByRole('heading', { level: 1, name: /1-раунд · жоба/ }).waitFor();
    await expect(page.getByRole('link', { name: 'Тіркелу' }).getAttribute('href')).resolves.toBe(
      `/console/tournaments/${id}/rounds/1/check-in`,
    );
    await page
      .getByLabel(`${wing.name} қайда барады`)
      .selectOption({ label: `${small.room}-бөлмеге қанат төреші ретінде` });
    await page.getByRole('button', { name: `Ауыстыру · ${wing.name}` }).click();
    const conflict = `${small.room}-бөлме: ${wing.name} — ${team.teamName} (төреші мәлімдеген)`;
    await page.getByRole('status').getByText(conflict).waitFor();
    await page.getByRole('cell').getByText(conflict).waitFor();
    await shot(page, 'panel-move-conflict');
    await axe(page, 'panel-move');
    let after = await panels();
    const target = after.items.find((d) => d.id === small.id)!;
    expect(target.panel.map((p) => p.judgeId)).toContain(wing.judgeId);
    expect(after.items.filter((d) => d.id !== small.id).flatMap((d) => d.panel.map((p) => p.judgeId))).not.toContain(
      wing.judgeId,
    );
    expect(target.conflicts).toEqual([
      expect.objectContaining({ kind: 'judge-team', judgeId: wing.judgeId, otherId: team.teamId, reason: 'declared' }),
    ]);
    // The moved judge takes the chair of their new room.
    await page.getByRole('button', { name: `Төраға ету · ${wing.name}` }).click();
    await page.getByText(`${wing.name} (төраға)`).waitFor();
    after = await panels();
    expect(after.items.find((d) => d.id === small.id)!.panel[0]).toMatchObject({
      judgeId: wing.judgeId,
      role: 'chair',
    });

    // The motion, set on the draft (no release before the draw is out), then released on its own, confirmed.
    const motion = 'Бұл палата мектептерде телефонға тыйым салар еді';
    const slide = 'Көптеген елдер сабақ кезінде смартфонды шектейді.';
    await page.getByLabel('Тақырып мәтіні').fill(motion);
    await page.getByLabel('Ақпараттық слайд (міндетті емес)').fill(slide);
    await expect(page.getByRole('button', { name: 'Тақырыпты жариялау' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Тақырыпты сақтау' }).click();
    await page.getByText('Тақырып сақталды.').waitFor();
    const saved = (await api().get(`/api/tournaments/${id}/rounds/1`).set(org).expect(200)).body;
    expect({ motion: saved.motion, infoSlide: saved.infoSlide, out: saved.motionReleasedAt }).toEqual({
      motion,
      infoSlide: slide,
      out: null,
    });
    await page.getByRole('button', { name: 'Жеребені жариялау' }).click();
    await dialogButton(page, 'Жеребені жариялау').click();
    await page.getByRole('heading', { level: 1, name: /1-раунд · жарияланды/ }).waitFor();
    expect((await api().get(`/api/tournaments/${id}/motions`).expect(200)).body.total).toBe(0);
    // Cancel says no; the confirmation releases.
    await page.getByRole('button', { name: 'Тақырыпты жариялау' }).click();
    await page.locator('dialog[open]').getByText('1-раундтың тақырыбын жариялау керек пе?', { exact: false }).waitFor();
    await shot(page, 'motion-release-confirm');
    await dialogButton(page, 'Бас тарту').click();
    expect((await api().get(`/api/tournaments/${id}/rounds/1`).set(org).expect(200)).body.motionReleasedAt).toBeNull();
    await page.getByRole('button', { name: 'Тақырыпты жариялау' }).click();
    await dialogButton(page, 'Тақырыпты жариялау').click();
    await page.getByText('Тақырып жарияланды.').waitFor();
    await page.getByText('Жарияланды: оны бәрі көреді.').waitFor();
    await shot(page, 'motion-released');
    await axe(page, 'motion-released');
    const shown = (await api().get(`/api/tournaments/${id}/motions`).expect(200)).body;
    expect(shown.items).toEqual([expect.objectContaining({ roundSeq: 1, motion, infoSlide: slide, released: true })]);

    // A released motion may have been read out: a change asks first, then goes with force and is audited.
    const fixed = `${motion} (түзетілді)`;
    await page.getByLabel('Тақырып мәтіні').fill(fixed);
    await page.getByRole('button', { name: 'Тақырыпты сақтау' }).click();
    await page.locator('dialog[open]').getByText('Бұл тақырып жарияланған', { exact: false }).waitFor();
    await dialogButton(page, 'Тақырыпты сақтау').click();
    await page.getByText('Тақырып сақталды.').waitFor();
    const edited = (await api().get(`/api/tournaments/${id}/motions`).expect(200)).body.items[0];
    expect(edited.motion).toBe(fixed);
    const audit = (await api().get(`/api/tournaments/${id}/audit`).set(org).expect(200)).body.items;
    expect(audit.map((a: { action: string }) => a.action)).toContain('motion-edit');
    await context.close();
  });
});
