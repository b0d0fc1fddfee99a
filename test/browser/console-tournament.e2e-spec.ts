import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { ORGANISER, type TestApp } from '../support/test-app.js';
import { axe, browserSuite, screenshots, startBrowserApp, stopBrowserApp, wsdcBallot } from './support.js';

/**
 * A whole regional tournament run from the console alone, in Debian's Chromium: sign in, the season, teams and judges
 * from CSV, both preliminary rounds drawn and released (clicks counted), panels changed by drag-and-drop with the
 * conflict shown while dragging, a judge removed from a panel (confirmed), a split confirmed, a correction previewed
 * and applied, the break and the final to a champion, then the cup: qualifiers into the national round, a withdrawal
 * with its region's next finisher taking the place, and the national round opened. The judges are not the organiser:
 * they submit over HTTP with their own codes. Every step is checked on the API. Embedded pass only; screenshots in
 * test-artifacts/console-tournament/ (git-ignored).
 */
const { shot } = screenshots('console-tournament');
const suite = browserSuite('console tournament browser test');

const MEMBERS = (n: number) => [1, 2, 3].map((m) => `Оқушы ${n}-${m};200${8 + (m % 2)}-0${m}-1${n}`).join(';');
const TEAMS = [
  'name;oblastCode;institution;member1Name;member1BirthDate;member2Name;member2BirthDate;member3Name;member3BirthDate',
  `Көкшетау Қырандары;akmola;Көкшетау №3 мектеп-лицейі;${MEMBERS(1)}`,
  `Павлодар Жұлдыздары;Павлодар облысы;Павлодар №8 гимназиясы;${MEMBERS(2)}`,
  `Қостанай Барыстары;akmola;Степногор №1 мектебі;${MEMBERS(3)}`,
  `Екібастұз Тұлпарлары;Павлодар облысы;Екібастұз №5 лицейі;${MEMBERS(4)}`,
].join('\n');
const JUDGES = [
  'fullName,regionCode,institution,strength',
  'Гүлнар Оспанова,north,Қостанай университеті,9',
  'Бауыржан Әлиев,north,Петропавл колледжі,8',
  'Сәуле Жақыпова,north,Көкшетау университеті,7',
  'Ерлан Мұқанов,north,Павлодар педагогикалық университеті,6',
].join('\n');

interface WorkDebate {
  debateId: string;
  roundSeq: number;
  teams: { side: string; teamId: string; name: string; speakers: { id: string; name: string }[] }[];
}
interface RoundView {
  seq: number;
  status: string;
  debates: {
    id: string;
    room: number;
    status: string;
    teams: { side: string; teamId: string; teamName: string }[];
    panel: { judgeId: string; role: 'chair' | 'wing' }[];
  }[];
}

suite('a regional tournament run from the console alone, on to the national round (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    ({ t, browser } = await startBrowserApp());
  });
  afterAll(() => stopBrowserApp(t, browser));

  const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  const dialog = (page: Page) => page.locator('dialog[open]');
  const dialogButton = (page: Page, name: string) => dialog(page).getByRole('button', { name });
  const api = () => request(t.url);

  it('runs every round from the console, breaks to a champion, and hands a withdrawn qualifier’s place on', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: t.url });
    const page = await context.newPage();
    const org = { Authorization: `Bearer ${await t.organiserToken()}` };

    // Sign in; the season: a cup sending two per region, the North's tournament (WSDC, two rounds, break of two).
    await page.goto('/console');
    await page.getByLabel('Пайдаланушы аты').fill(ORGANISER.username);
    await page.getByLabel('Құпиясөз').fill(ORGANISER.password);
    await page.getByLabel('Құпиясөз').press('Enter');
    await page.getByRole('link', { name: 'Жаңа маусымды баптау' }).click();
    await page.getByLabel('Кубок атауы').fill('AMANAT Cup');
    await page.getByLabel('Ұлттық кезеңге әр аймақтан орын саны').fill('2');
    await page.getByRole('checkbox', { name: 'Солтүстік' }).check();
    await page.getByLabel('Іріктеу раундтары').fill('2');
    await page.getByLabel('Плей-офқа өтетін командалар').fill('2');
    await page.getByRole('checkbox', { name: /Екі төрешілік алқаға рұқсат/ }).check();
    await page.getByRole('button', { name: 'Маусымды жасау' }).click();
    await page.getByRole('heading', { level: 1, name: 'AMANAT Cup — Солтүстік' }).waitFor();
    const tournamentUrl = page.url();
    const id = tournamentUrl.split('/').pop()!;
    await shot(page, '01-tournament-created');

    // Teams and judges from CSV, each checked before it is committed; the judges' codes read off their cards.
    await page.getByRole('navigation').getByRole('link', { name: 'Командалар' }).click();
    await page.getByLabel(/CSV файлы/).setInputFiles(csvFile('teams.csv', TEAMS));
    await page.getByRole('button', { name: 'Файлды тексеру' }).click();
    await page.getByText('Барлық 4 жолды импорттауға болады.').waitFor();
    await page.getByRole('button', { name: '4 жолды импорттау' }).click();
    await page.getByRole('cell', { name: /Екібастұз Тұлпарлары/ }).waitFor();
    await shot(page, '02-teams');
    await page.getByRole('navigation').getByRole('link', { name: 'Төрешілер' }).click();
    await page.getByLabel(/CSV файлы/).setInputFiles(csvFile('judges.csv', JUDGES));
    await page.getByRole('button', { name: 'Файлды тексеру' }).click();
    await page.getByText('Барлық 4 жолды импорттауға болады.').waitFor();
    await page.getByRole('button', { name: '4 жолды импорттау' }).click();
    await page.getByRole('heading', { level: 1, name: 'Төреші карталары' }).waitFor();
    await shot(page, '03-judge-cards');
    const judgeIds = new Map<string, string>(
      (
        (await api().get('/api/judges?limit=50').set(org).expect(200)).body.items as { id: string; fullName: string }[]
      ).map((j) => [j.fullName, j.id]),
    );
    const tokens = new Map<string, string>();
    for (const card of await page.locator('.card').all()) {
      const name = (await card.locator('.card-name').textContent())!;
      const accessCode = (await card.locator('.card-code strong').textContent())!;
      const login = await api().post('/api/auth/judge').send({ accessCode }).expect(200);
      tokens.set(judgeIds.get(name)!, login.body.accessToken as string);
    }
    expect(tokens.size).toBe(4);

    // The field and the panel pool.
    await page.goto(tournamentUrl);
    await page.getByRole('button', { name: 'Аймақтың барлық командаларын тіркеу' }).click();
    await page.getByText('4 команда тіркелді').waitFor();
    await page.getByRole('button', { name: 'Аймақтың барлық төрешілерін қосу' }).click();
    await page.getByText('4 төреші', { exact: true }).waitFor();

    // Each judge submits over HTTP with their own token: `winner` picks the team each panellist votes for.
    const ballots = async (seq: number, winner: (debate: WorkDebate, role: 'chair' | 'wing') => string) => {
      const round = (await api().get(`/api/tournaments/${id}/rounds/${seq}`).set(org).expect(200)).body as RoundView;
      for (const debate of round.debates)
        for (const seat of debate.panel) {
          const token = tokens.get(seat.judgeId)!;
          const work = (await api().get('/api/me/work').set('Authorization', `Bearer ${token}`).expect(200)).body
            .debates as WorkDebate[];
          const mine = work.find((d) => d.debateId === debate.id)!;
          await api()
            .post(`/api/debates/${debate.id}/ballots`)
            .set('Authorization', `Bearer ${token}`)
            .send(wsdcBallot(mine.teams, winner(mine, seat.role), 2))
            .expect(201);
        }
      return round;
    };
    const side = (debate: WorkDebate, name: string) => debate.teams.find((x) => x.side === name)!;

    // A round from draft to released: generate, release, confirm. Panel edits on a draft are not counted.
    const clicks: number[] = [];
    let counted = 0;
    const click = async (target: Locator) => {
      counted++;
      await target.click();
    };
    const generate = async (seq: number) => {
      counted = 0;
      await click(page.getByRole('button', { name: `${seq}-раундтың жеребесін жасау` }));
      await page.getByRole('heading', { level: 1, name: / · жоба$/ }).waitFor();
    };
    const release = async () => {
      await click(page.getByRole('button', { name: 'Жеребені жариялау' }));
      await click(dialogButton(page, 'Жеребені жариялау'));
      await page.getByRole('heading', { level: 1, name: / · жарияланды$/ }).waitFor();
      clicks.push(counted);
    };

    // Round 1, drawn: four judges over two rooms come out three and one, and the organiser evens them by hand. A wing
    // dragged onto the other room shows the conflict it would break before the drop (a dry run: nothing moves), is
    // dropped anyway (the conflict reported), then removed from that panel (Escape first: nothing happens); the other
    // wing dragged across shows no conflict, and the removed judge goes back in. Panel edits are not counted as clicks.
    await generate(1);
    type Panels = {
      items: {
        id: string;
        room: number;
        teams: { teamId: string; teamName: string }[];
        panel: { judgeId: string; name: string; role: string }[];
        conflicts: { judgeId: string; otherId: string; reason: string }[];
      }[];
      unallocated: { judgeId: string }[];
    };
    const panelsNow = async () =>
      (await api().get(`/api/tournaments/${id}/rounds/1/panels`).set(org).expect(200)).body as Panels;
    const start = await panelsNow();
    expect(start.items.map((d) => d.panel.length).sort()).toEqual([1, 3]);
    const big = start.items.find((d) => d.panel.length === 3)!;
    const small = start.items.find((d) => d !== big)!;
    const [mover, other] = big.panel.filter((p) => p.role === 'wing');
    const rival = small.teams[0];
    await api().post(`/api/judges/${mover.judgeId}/conflicts`).set(org).send({ teamId: rival.teamId }).expect(201);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: / · жоба$/ }).waitFor();
    await shot(page, '04-round-1-draft');
    const zone = (debate: { room: number }) =>
      page
        .locator('table.draw tbody tr')
        .filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${debate.room}$`) }) })
        .locator('.drop');
    // Pressed on the chip and moved over the target; the answer lets go over the target.
    const drag = async (chip: Locator, target: Locator) => {
      await chip.hover();
      await page.mouse.down();
      const box = (await target.boundingBox())!;
      const x = box.x + box.width / 2;
      const y = box.y + 8;
      await page.mouse.move(x, y, { steps: 4 });
      await page.mouse.move(x + 4, y + 2, { steps: 2 });
      return async () => {
        // Read again: a check run meanwhile (axe) may have scrolled the page under the pointer.
        const now = (await target.boundingBox())!;
        await page.mouse.move(now.x + now.width / 2, now.y + 12, { steps: 2 });
        await page.mouse.up();
      };
    };
    const seated = (panels: Panels, debate: { id: string }) =>
      panels.items.find((d) => d.id === debate.id)!.panel.map((p) => p.judgeId);
    const conflict = `${small.room}-бөлме: ${mover.name} — ${rival.teamName} (төреші мәлімдеген)`;
    let letGo = await drag(zone(big).locator('.chip', { hasText: mover.name }), zone(small));
    await zone(small).locator('.drop-note').getByText(conflict, { exact: false }).waitFor();
    await expect(zone(small).getAttribute('data-drop')).resolves.toBe('conflict');
    await shot(page, '05-drag-conflict');
    await axe(page, 'round-drag');
    expect(seated(await panelsNow(), big)).toContain(mover.judgeId);
    await letGo();
    await page.getByRole('status').getByText(conflict).waitFor();
    let now = await panelsNow();
    expect(seated(now, small)).toContain(mover.judgeId);
    expect(now.items.find((d) => d.id === small.id)!.conflicts).toEqual([
      expect.objectContaining({ judgeId: mover.judgeId, otherId: rival.teamId, reason: 'declared' }),
    ]);

    await page.getByRole('button', { name: `Алқадан шығару · ${mover.name}` }).click();
    await dialog(page)
      .getByText(`${mover.name} ${small.room}-бөлменің алқасынан шығарылсын ба?`, { exact: false })
      .waitFor();
    // Focus stays in the dialog (modal), Escape says no.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).resolves.toBe(true);
    await shot(page, '06-remove-confirm');
    await axe(page, 'remove-confirm');
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(seated(await panelsNow(), small)).toContain(mover.judgeId);
    await page.getByRole('button', { name: `Алқадан шығару · ${mover.name}` }).click();
    await dialogButton(page, 'Алқадан шығару').click();
    const pool = page.locator('section[aria-labelledby="unallocated-title"]');
    await pool.locator('.chip', { hasText: mover.name }).waitFor();
    now = await panelsNow();
    expect(now.unallocated.map((u) => u.judgeId)).toEqual([mover.judgeId]);
    expect(seated(now, small)).not.toContain(mover.judgeId);

    letGo = await drag(zone(big).locator('.chip', { hasText: other.name }), zone(small));
    await zone(small).locator('.drop-note').getByText(`${other.name} осында: қақтығыс жоқ.`).waitFor();
    await expect(zone(small).getAttribute('data-drop')).resolves.toBe('ok');
    await letGo();
    await zone(small).locator('.chip', { hasText: other.name }).waitFor();
    letGo = await drag(pool.locator('.chip', { hasText: mover.name }), zone(big));
    await zone(big).locator('.drop-note').getByText(`${mover.name} осында: қақтығыс жоқ.`).waitFor();
    await letGo();
    await zone(big).locator('.chip', { hasText: mover.name }).waitFor();
    now = await panelsNow();
    expect(now.items.map((d) => d.panel.length)).toEqual([2, 2]);
    expect(seated(now, big)).toContain(mover.judgeId);
    expect(seated(now, small)).toContain(other.judgeId);
    expect(now.items.flatMap((d) => d.conflicts)).toEqual([]);
    expect(now.unallocated).toEqual([]);
    await shot(page, '07-round-1-panels');

    // Released: draft → released in three clicks (generate, release, confirm).
    await release();
    const drawn = (await api().get(`/api/tournaments/${id}/rounds/1`).set(org).expect(200)).body as RoundView;
    expect(drawn.status).toBe('released');

    // Its ballots: room 1 splits (the chair for government, the wing for opposition); room 2 agrees on government.
    const splitRoom = drawn.debates.find((d) => d.room === 1)!;
    await ballots(
      1,
      (debate, role) => side(debate, debate.debateId === splitRoom.id && role === 'wing' ? 'opp' : 'gov').teamId,
    );
    const roomHeading = { has: page.getByRole('heading', { name: /^1-бөлме/ }) };
    const room = page.locator('li.room', roomHeading);
    await page.locator('li.room[data-state="split"]', roomHeading).waitFor();
    await shot(page, '08-board-split');
    await room.getByRole('button', { name: 'Нәтижені растау' }).click();
    await dialogButton(page, 'Нәтижені растау').click();
    await page.locator('li.room[data-state="confirmed"]', roomHeading).waitFor();
    const gov = splitRoom.teams.find((x) => x.side === 'gov')!;
    const opp = splitRoom.teams.find((x) => x.side === 'opp')!;
    expect((await api().get(`/api/debates/${splitRoom.id}`).expect(200)).body.result.winnerTeamId).toBe(gov.teamId);

    // A correction of the chair's ballot: previewed (the winner changes), applied after a confirmation.
    const chair = splitRoom.panel.find((p) => p.role === 'chair')!.judgeId;
    const chairName = [...judgeIds].find(([, judgeId]) => judgeId === chair)![0];
    await room.getByRole('button', { name: `Бюллетеньді түзету · ${chairName}` }).click();
    const form = page.locator('form.correction');
    const govFirst = form.locator('fieldset').filter({ hasText: gov.teamName }).locator('input').first();
    await govFirst.fill('68');
    await form.getByRole('button', { name: 'Түзетуді алдын ала көру' }).click();
    await form.getByText('Жеңімпаз өзгереді.').waitFor();
    await shot(page, '09-correction-preview');
    expect((await api().get(`/api/debates/${splitRoom.id}`).expect(200)).body.result.winnerTeamId).toBe(gov.teamId);
    await form.getByRole('button', { name: 'Түзетуді қолдану' }).click();
    await dialogButton(page, 'Түзетуді қолдану').click();
    await page.getByText('Түзету қолданылды.').waitFor();
    expect((await api().get(`/api/debates/${splitRoom.id}`).expect(200)).body.result.winnerTeamId).toBe(opp.teamId);

    // Round 2: drawn and released in three clicks; every panel agrees on government.
    await page.getByRole('link', { name: 'Артқа' }).click();
    await generate(2);
    await release();
    await ballots(2, (debate) => side(debate, 'gov').teamId);
    await page.locator('li.room[data-state="confirmed"]').nth(1).waitFor();

    // The cup before the break: the North still playing, no qualifiers; the national round set up from here.
    await page.getByRole('link', { name: 'Артқа' }).click();
    await page.getByRole('link', { name: 'Кубок: аймақ → ұлттық кезең' }).click();
    await page.getByRole('heading', { level: 1, name: /AMANAT Cup/ }).waitFor();
    const north = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Солтүстік' }) });
    await north.getByText('іріктеу раундтары').waitFor();
    await page.getByRole('button', { name: 'Ұлттық кезеңді құру' }).click();
    await page.getByText('Барлық аймақтық турнирлер аяқталғанда кесте құрылады.').waitFor();
    const cupId = page.url().split('/').pop()!;
    let cup = (await api().get(`/api/cups/${cupId}`).expect(200)).body;
    const nationalId = cup.national.tournamentId as string;
    expect(cup.national.status).toBe('setup');
    expect((await api().get(`/api/tournaments/${nationalId}`).expect(200)).body.adjudicators).toHaveLength(4);
    await shot(page, '10-cup-national-set-up');
    await axe(page, 'cup');

    // The break (top two) and the final, to a champion.
    await page.getByRole('link', { name: 'Солтүстік' }).click();
    await page.getByRole('heading', { level: 1, name: 'AMANAT Cup — Солтүстік' }).waitFor();
    await generate(3);
    await release();
    const finalRound = (await api().get(`/api/tournaments/${id}/rounds/3`).set(org).expect(200)).body as RoundView;
    const tab = (await api().get(`/api/tournaments/${id}/standings`).expect(200)).body.items as { teamId: string }[];
    expect(finalRound.debates).toHaveLength(1);
    expect(finalRound.debates[0].teams.map((x) => x.teamId).sort()).toEqual(
      tab
        .slice(0, 2)
        .map((r) => r.teamId)
        .sort(),
    );
    const champion = finalRound.debates[0].teams.find((x) => x.side === 'opp')!;
    const runnerUp = finalRound.debates[0].teams.find((x) => x.side === 'gov')!;
    await ballots(3, (debate) => side(debate, 'opp').teamId);
    await page.getByRole('link', { name: 'Артқа' }).click();
    await page.getByText(`Чемпион: ${champion.teamName}`).waitFor();
    await shot(page, '11-break-and-bracket');

    // The qualifiers go to the national round; the runner-up withdraws (Escape first), the third finisher replaces it.
    const places = (await api().get(`/api/tournaments/${id}`).expect(200)).body.finalPlaces as string[];
    expect(places.slice(0, 2)).toEqual([champion.teamId, runnerUp.teamId]);
    const third = tab.map((r) => r.teamId).find((team) => team !== champion.teamId && team !== runnerUp.teamId)!;
    expect(places[2]).toBe(third);
    const thirdName = (await api().get(`/api/teams/${third}`).expect(200)).body.name as string;
    await page.getByRole('link', { name: 'Кубок: аймақ → ұлттық кезең' }).click();
    await north.getByText(`${champion.teamName}, ${runnerUp.teamName}`).waitFor();
    await north.getByText(thirdName).waitFor();
    const entries = page.locator('tbody tr').filter({ has: page.getByRole('button', { name: /^Шығару/ }) });
    await entries.nth(1).waitFor();
    await expect(entries.count()).resolves.toBe(2);
    await shot(page, '12-cup-qualifiers');
    await page.getByRole('button', { name: `Шығару · ${runnerUp.teamName}` }).click();
    await dialog(page)
      .getByText(`Оның орнын аймағындағы келесі команда — ${thirdName} алады.`, { exact: false })
      .waitFor();
    await shot(page, '13-withdraw-confirm');
    await axe(page, 'withdraw-confirm');
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    const untouched = (await api().get(`/api/tournaments/${nationalId}`).expect(200)).body;
    expect(untouched.teams.filter((x: { withdrawn: boolean }) => x.withdrawn)).toEqual([]);
    await page.getByRole('button', { name: `Шығару · ${runnerUp.teamName}` }).click();
    await dialogButton(page, 'Шығару').click();
    await page.getByText(`${runnerUp.teamName} шықты; орнын ${thirdName} алады.`).waitFor();
    await entries.filter({ hasText: thirdName }).waitFor();
    await north.getByText(`${champion.teamName}, ${thirdName}`).waitFor();
    await shot(page, '14-cup-replaced');
    // The regions' table as CSV: its link gives the qualifiers after the replacement, and the next in line.
    const sheet = await api()
      .get((await page.locator('a.csv').first().getAttribute('href'))!)
      .expect(200);
    expect(
      sheet.text
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',').slice(3, 6)),
    ).toEqual([
      ['qualifier', '1', champion.teamId],
      ['qualifier', '2', third],
      ['reserve', '', places[3]],
    ]);
    const national = (await api().get(`/api/tournaments/${nationalId}`).expect(200)).body;
    expect(national.teams.map((x: { teamId: string; withdrawn: boolean }) => [x.teamId, x.withdrawn]).sort()).toEqual(
      [
        [champion.teamId, false],
        [runnerUp.teamId, true],
        [third, false],
      ].sort(),
    );
    cup = (await api().get(`/api/cups/${cupId}`).expect(200)).body;
    expect(cup.regions.find((r: { code: string }) => r.code === 'north').qualifiers).toEqual([champion.teamId, third]);
    const bracket = (await api().get(`/api/tournaments/${nationalId}/bracket`).expect(200)).body;
    expect(bracket.rounds[0].debates[0].teamIds.sort()).toEqual([champion.teamId, third].sort());

    // The national round opened: its final drawn with the replacement in it, released.
    await page.getByRole('link', { name: 'Ұлттық кезеңді ашу' }).click();
    await page.getByRole('heading', { level: 1, name: 'AMANAT Cup — ұлттық кезең' }).waitFor();
    await expect(page.getByRole('button', { name: 'Аймақтың барлық командаларын тіркеу' }).count()).resolves.toBe(0);
    await generate(1);
    await page
      .getByRole('cell', { name: new RegExp(thirdName) })
      .first()
      .waitFor();
    await shot(page, '15-national-draft');
    await release();
    const opened = (await api().get(`/api/tournaments/${nationalId}/rounds/1`).set(org).expect(200)).body as RoundView;
    expect(opened.debates[0].teams.map((x) => x.teamId).sort()).toEqual([champion.teamId, third].sort());

    expect(clicks).toEqual([3, 3, 3, 3]);
    process.stdout.write(
      `${JSON.stringify({ consoleClicks: { draftToReleased: clicks[0], perRound: clicks, panelEditsExcluded: true } })}\n`,
    );
    await context.close();
  });
});
