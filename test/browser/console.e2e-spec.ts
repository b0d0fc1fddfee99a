import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import request from 'supertest';
import { Fixtures } from '../support/fixtures.js';
import { ORGANISER, type TestApp } from '../support/test-app.js';
import { axe, browserSuite, screenshots, startBrowserApp, stopBrowserApp, wsdcBallot } from './support.js';

/**
 * The organiser's console in Chromium (test/browser/support.ts) on a 1366 × 768 laptop, against the built client
 * served by the built server on the embedded database: a regional tournament set up and its first round run from
 * the console alone, while a judge's ballots arrive over HTTP. Screenshots go to test-artifacts/console/.
 */
const { dir: SHOTS, shot } = screenshots('console');
const suite = browserSuite('console browser tests');

const LAPTOP = { width: 1366, height: 768 };

const TEAMS_WITH_A_MISTAKE = [
  'name;oblastCode;institution;member1Name;member1BirthDate;member2Name;member2BirthDate;member3Name;member3BirthDate',
  'Көкшетау Қырандары;akmola;Көкшетау №3 мектеп-лицейі;Әлия Серікқызы;2009-04-01;Данияр Ахметов;2009-05-02;Мирас Қали;2010-01-15',
  'Павлодар Жұлдыздары;Атлантида;Павлодар №8 гимназиясы;Аружан Бекова;2009-02-11;Ерлан Тоқаев;2009-07-21;Самал Нұрова;2010-03-03',
].join('\n');
const TEAMS = TEAMS_WITH_A_MISTAKE.replace('Атлантида', 'Павлодар облысы');
const JUDGES = [
  'fullName,regionCode,institution,strength',
  'Гүлнар Оспанова,north,Қостанай университеті,8',
  'Бауыржан Әлиев,north,Петропавл колледжі,6',
].join('\n');

suite('organiser console in Chromium (e2e)', () => {
  let t: TestApp, browser: Browser;
  beforeAll(async () => ({ t, browser } = await startBrowserApp()));
  afterAll(() => stopBrowserApp(t, browser));

  const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  const dialogButton = (page: Page, name: string) => page.locator('dialog[open]').getByRole('button', { name });

  it('an organiser sets up the season, imports teams and judges, runs round 1 with a split and a correction', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, baseURL: t.url });
    const page = await context.newPage();

    // Sign in; a reload keeps the session.
    await page.goto('/console');
    await page.getByRole('heading', { level: 1, name: 'Ұйымдастырушының кіруі' }).waitFor();
    await shot(page, 'sign-in');
    await axe(page, 'sign-in');
    await page.getByLabel('Пайдаланушы аты').fill(ORGANISER.username);
    await page.getByLabel('Құпиясөз').fill(ORGANISER.password);
    await page.getByLabel('Құпиясөз').press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Маусым' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Маусым' }).waitFor();

    // Season set-up: a cup with the North's regional tournament (WSDC, one round, panels of two allowed).
    await page.getByRole('link', { name: 'Жаңа маусымды баптау' }).click();
    await page.getByRole('heading', { level: 1, name: 'Маусымды баптау' }).waitFor();
    await page.getByLabel('Кубок атауы').fill('AMANAT Cup');
    await page.getByRole('checkbox', { name: 'Солтүстік' }).check();
    await page.getByLabel('Іріктеу раундтары').fill('1');
    await page.getByLabel('Плей-офқа өтетін командалар').fill('2');
    await page.getByRole('checkbox', { name: /Екі төрешілік алқаға рұқсат/ }).check();
    await shot(page, 'season');
    await axe(page, 'season');
    await page.getByRole('button', { name: 'Маусымды жасау' }).click();
    await page.getByRole('heading', { level: 1, name: 'AMANAT Cup — Солтүстік' }).waitFor();
    const tournamentUrl = page.url();
    const tournamentId = tournamentUrl.split('/').pop()!;
    const made = (await request(t.url).get(`/api/tournaments/${tournamentId}`).expect(200)).body;
    expect({ region: made.regionCode, format: made.format, evenPanels: made.rules.panels.evenPanels }).toEqual({
      region: 'north',
      format: 'wsdc',
      evenPanels: true,
    });

    // Teams: a sheet with a mistake is reported row by row and cannot be committed; the fixed one is.
    await page.getByRole('navigation').getByRole('link', { name: 'Командалар' }).click();
    await page.getByRole('heading', { level: 1, name: 'Командалар' }).waitFor();
    const teamFile = page.getByLabel(/CSV файлы/);
    await teamFile.setInputFiles(csvFile('teams.csv', TEAMS_WITH_A_MISTAKE));
    await page.getByRole('button', { name: 'Файлды тексеру' }).click();
    await page.getByText('1 қате: түзетілмейінше ештеңе импортталмайды.').waitFor();
    const reportRow = page.locator('.report tbody tr');
    await expect(reportRow.locator('td').nth(0).textContent()).resolves.toBe('3');
    await expect(reportRow.locator('td').nth(1).textContent()).resolves.toBe('oblastCode');
    await expect(page.getByRole('button', { name: '2 жолды импорттау' }).isDisabled()).resolves.toBe(true);
    await shot(page, 'teams-dry-run-problems');
    await axe(page, 'teams-dry-run');
    expect((await request(t.url).get('/api/teams').expect(200)).body.total).toBe(0);
    await teamFile.setInputFiles(csvFile('teams.csv', TEAMS));
    await page.getByRole('button', { name: 'Файлды тексеру' }).click();
    await page.getByText('Барлық 2 жолды импорттауға болады.').waitFor();
    await shot(page, 'teams-dry-run-clean');
    expect((await request(t.url).get('/api/teams').expect(200)).body.total).toBe(0);
    await page.getByRole('button', { name: '2 жолды импорттау' }).click();
    await page.getByRole('cell', { name: /Павлодар Жұлдыздары/ }).waitFor();
    await page.getByLabel('Іздеу').fill('Көкшетау');
    await page.getByText('Барлығы 1').waitFor();
    await expect(page.getByRole('cell', { name: /Павлодар Жұлдыздары/ }).count()).resolves.toBe(0);
    await shot(page, 'teams');

    // Judges: imported after a clean check, straight to their cards (QR code of the link, access code).
    await page.getByRole('navigation').getByRole('link', { name: 'Төрешілер' }).click();
    await page.getByRole('heading', { level: 1, name: 'Төрешілер' }).waitFor();
    await page.getByLabel(/CSV файлы/).setInputFiles(csvFile('judges.csv', JUDGES));
    await page.getByRole('button', { name: 'Файлды тексеру' }).click();
    await page.getByText('Барлық 2 жолды импорттауға болады.').waitFor();
    await page.getByRole('button', { name: '2 жолды импорттау' }).click();
    await page.getByRole('heading', { level: 1, name: 'Төреші карталары' }).waitFor();
    await expect(page.locator('.card svg.qr').count()).resolves.toBe(2);
    const codes = new Map<string, string>();
    for (const card of await page.locator('.card').all())
      codes.set(
        (await card.locator('.card-name').textContent())!,
        (await card.locator('.card-code strong').textContent())!,
      );
    await shot(page, 'judge-cards-kk');
    await axe(page, 'judge-cards');
    await page.getByLabel('Карта тілі').selectOption('ru');
    await page.getByText('Код доступа').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'judge-cards-ru-print');
    // The sheet as the browser prints it: A4, the cards only.
    await page.pdf({ path: join(SHOTS, 'judge-cards-ru.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    const chairToken = await judgeToken(codes.get('Гүлнар Оспанова')!);
    const wingToken = await judgeToken(codes.get('Бауыржан Әлиев')!);

    // The tournament's field and panel pool, then round 1: draft → review → released, clicks counted.
    await page.goto(tournamentUrl);
    await page.getByRole('button', { name: 'Аймақтың барлық командаларын тіркеу' }).click();
    await page.getByText('2 команда тіркелді').waitFor();
    await page.getByRole('button', { name: 'Аймақтың барлық төрешілерін қосу' }).click();
    await page.getByText('2 төреші', { exact: true }).waitFor();
    await shot(page, 'tournament');
    await axe(page, 'tournament');
    let clicks = 0;
    const click = async (target: Locator) => {
      clicks++;
      await target.click();
    };
    await page.getByLabel('Тақырып (міндетті емес)').fill('Бұл палата дауыс беру жасын 16-ға түсірер еді');
    await click(page.getByRole('button', { name: '1-раундтың жеребесін жасау' }));
    await page.getByRole('heading', { level: 1, name: /1-раунд · жоба/ }).waitFor();
    await page.getByText('Гүлнар Оспанова (төраға)').waitFor();
    await shot(page, 'round-draft');
    await axe(page, 'round-draft');
    await click(page.getByRole('button', { name: 'Жеребені жариялау' }));
    await shot(page, 'round-release-confirm');
    await click(dialogButton(page, 'Жеребені жариялау'));
    await page.getByRole('heading', { level: 1, name: /1-раунд · жарияланды/ }).waitFor();
    process.stdout.write(`console: round 1 from draft to released in ${clicks} clicks\n`);
    expect(clicks).toBe(3);

    // Ballots arrive over HTTP as the judges submit them; the board follows on /live, never reloaded.
    const room = page.locator('li.room');
    await expect(room.getAttribute('data-state')).resolves.toBe('missing');
    const work = (await request(t.url).get('/api/me/work').set('Authorization', `Bearer ${chairToken}`).expect(200))
      .body.debates[0];
    const side = (name: string) => work.teams.find((x: { side: string }) => x.side === name);
    const gov = side('gov');
    const opp = side('opp');
    const submit = (token: string, body: object) =>
      request(t.url)
        .post(`/api/debates/${work.debateId}/ballots`)
        .set('Authorization', `Bearer ${token}`)
        .send(body)
        .expect(201);
    await submit(chairToken, wsdcBallot([gov, opp], gov.teamId, 1));
    await page.locator('li.room[data-state="partial"]').waitFor();
    await room.getByText('2 ішінен 1 келді').waitFor();
    await room.getByText(`келді: ${gov.name} жеңді (246 : 245)`).waitFor();
    await shot(page, 'board-one-in');
    await submit(wingToken, wsdcBallot([gov, opp], opp.teamId, 2));
    await page.locator('li.room[data-state="split"]').waitFor();
    await shot(page, 'board-split');
    await axe(page, 'board');
    await room.getByRole('button', { name: 'Нәтижені растау' }).click();
    await page.locator('dialog[open]').getByText(`төрағаның бюллетені бойынша ${gov.name} жеңді`).waitFor();
    await dialogButton(page, 'Нәтижені растау').click();
    await page.locator('li.room[data-state="confirmed"]').waitFor();
    const confirmed = (await request(t.url).get(`/api/debates/${work.debateId}`).expect(200)).body;
    expect({ status: confirmed.status, winner: confirmed.result.winnerTeamId }).toEqual({
      status: 'confirmed',
      winner: gov.teamId,
    });

    // A correction of the chair's ballot: previewed (the winner changes), then applied after a confirmation.
    await room.getByRole('button', { name: 'Бюллетеньді түзету · Гүлнар Оспанова' }).click();
    const form = page.locator('form.correction');
    await form.getByLabel(gov.speakers[0].name, { exact: true }).fill('68');
    await form.getByRole('button', { name: 'Түзетуді алдын ала көру' }).click();
    await form.getByText('Жеңімпаз өзгереді.').waitFor();
    await shot(page, 'correction-preview');
    await axe(page, 'correction');
    const stillGov = (await request(t.url).get(`/api/debates/${work.debateId}`).expect(200)).body;
    expect(stillGov.result.winnerTeamId).toBe(gov.teamId);
    await form.getByRole('button', { name: 'Түзетуді қолдану' }).click();
    await dialogButton(page, 'Түзетуді қолдану').click();
    await page.getByText('Түзету қолданылды.').waitFor();
    await room.getByText(`Жеңімпаз: ${opp.name}`).waitFor();
    await shot(page, 'board-corrected');
    const corrected = (await request(t.url).get(`/api/debates/${work.debateId}`).expect(200)).body;
    expect(corrected.result.winnerTeamId).toBe(opp.teamId);
    const tab = (await request(t.url).get(`/api/tournaments/${tournamentId}/standings`).expect(200)).body;
    const rows = tab.items as { teamId: string; wins: number }[];
    expect(rows.find((r) => r.teamId === opp.teamId)?.wins).toBe(1);
    expect(rows.find((r) => r.teamId === gov.teamId)?.wins).toBe(0);

    // Break and bracket: round 2 is the final of the top two; its ballots crown the champion on the open page, live.
    await page.getByRole('link', { name: 'Артқа' }).click();
    await page.getByRole('heading', { level: 1, name: 'AMANAT Cup — Солтүстік' }).waitFor();
    await page.getByRole('button', { name: '2-раундтың жеребесін жасау' }).click();
    await page.getByRole('heading', { level: 1, name: / · жоба$/ }).waitFor();
    await page.getByRole('button', { name: 'Жеребені жариялау' }).click();
    await dialogButton(page, 'Жеребені жариялау').click();
    await page.getByRole('heading', { level: 1, name: / · жарияланды$/ }).waitFor();
    await page.getByRole('link', { name: 'Артқа' }).click();
    const seeds = page.locator('#break-title').locator('..').locator('ol li');
    await seeds.first().waitFor();
    await expect(seeds.allTextContents()).resolves.toEqual([opp.name, gov.name]);
    await page.locator('.bracket').getByText(opp.name).waitFor();
    const final = (
      await request(t.url).get('/api/me/work').set('Authorization', `Bearer ${chairToken}`).expect(200)
    ).body.debates.find((d: { roundSeq: number }) => d.roundSeq === 2);
    for (const token of [chairToken, wingToken])
      await request(t.url)
        .post(`/api/debates/${final.debateId}/ballots`)
        .set('Authorization', `Bearer ${token}`)
        .send(wsdcBallot(final.teams, gov.teamId, 5))
        .expect(201);
    await page.getByText(`Чемпион: ${gov.name}`).waitFor();
    await expect(page.locator('.bracket .winner').textContent()).resolves.toContain(gov.name);
    await shot(page, 'break-and-bracket');
    await axe(page, 'bracket');
    const csv = await request(t.url).get(`/api/tournaments/${tournamentId}/bracket?format=csv`).expect(200);
    expect(csv.text).toContain(gov.teamId);
    await expect(page.locator('a.csv').count()).resolves.toBe(3);

    // A judge's new link: confirmed first; the old code stops working, the new one shown signs in.
    await page.getByRole('navigation').getByRole('link', { name: 'Төрешілер' }).click();
    await page.getByRole('button', { name: 'Бауыржан Әлиев үшін жаңа сілтеме' }).click();
    await page
      .locator('dialog[open]')
      .getByText(/Бауыржан Әлиев үшін жаңа кіру коды мен сілтеме берілсін бе/)
      .waitFor();
    await dialogButton(page, 'Жаңа сілтеме').click();
    const issuedLine = await page.getByText(/Бауыржан Әлиев үшін жаңа кіру коды: /).textContent();
    const newCode = issuedLine!.replace(/^.*жаңа кіру коды: (\S+).*$/, '$1');
    expect(newCode).not.toBe(codes.get('Бауыржан Әлиев'));
    await request(t.url)
      .post('/api/auth/judge')
      .send({ accessCode: codes.get('Бауыржан Әлиев') })
      .expect(401);
    await judgeToken(newCode);
    await shot(page, 'judges-new-link');

    // Signing out forgets the token on this laptop.
    await page.getByRole('button', { name: 'Шығу' }).click();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ұйымдастырушының кіруі' }).waitFor();
    await context.close();
  });

  it('an organiser runs a case championship: jury with a conflict, live progress grid, an outlier juror, reveal, qualifiers into the tournament', async () => {
    const fx = new Fixtures(t, await t.organiserToken());
    const org = fx.auth();
    const teams = [
      await fx.team('east', 'Семей Шамшырақтары', { institution: 'Семей №1 лицейі' }),
      await fx.team('east', 'Өскемен Ұшқыны', { institution: 'Өскемен гимназиясы' }),
      await fx.team('east', 'Аягөз Арыстары', { institution: 'Аягөз колледжі' }),
    ];
    const [fair, second, harsh] = [
      await fx.judge('east', { name: 'Айжан Төлегенова' }),
      await fx.judge('east', { name: 'Нұрлан Сапаров' }),
      await fx.judge('east', { name: 'Қайрат Жақсылықов', institution: 'Аягөз колледжі' }),
    ];
    const championship = (
      await request(t.url)
        .post('/api/case-championships')
        .set(org)
        .send({ title: 'Жастар мәселесі жастар көзімен — Шығыс', regionCode: 'east', qualifierSlots: 1 })
        .expect(201)
    ).body;
    const tournament = (
      await request(t.url)
        .post('/api/tournaments')
        .set(org)
        .send({
          name: 'AMANAT Cup — Шығыс',
          level: 'regional',
          regionCode: 'east',
          format: 'wsdc',
          prelimRounds: 2,
          breakSize: 2,
        })
        .expect(201)
    ).body;

    const context = await browser.newContext({ viewport: LAPTOP, baseURL: t.url });
    const page = await context.newPage();
    await page.goto(`/console/championships/${championship.id}`);
    await page.getByLabel('Пайдаланушы аты').fill(ORGANISER.username);
    await page.getByLabel('Құпиясөз').fill(ORGANISER.password);
    await page.getByRole('button', { name: 'Кіру' }).click();
    await page.getByRole('heading', { level: 1, name: championship.title }).waitFor();

    await page.getByRole('button', { name: 'Аймақтың барлық командаларын тіркеу' }).click();
    await page.getByText('3 команда тіркелді').waitFor();
    for (const judge of [fair, second, harsh]) await page.getByRole('checkbox', { name: judge.fullName }).check();
    await page.getByRole('button', { name: 'Таңдалған төрешілерді алқаға отырғызу' }).click();
    await page.getByText(`Мүдделер қайшылығы: ${teams[2].name} (бір оқу орны)`).waitFor();
    await page.getByRole('button', { name: 'Бағалауды бастау' }).click();
    await dialogButton(page, 'Бағалауды бастау').click();
    await page.getByText('Шығыс · бағалау').waitFor();
    const grid = page.locator('table.grid');
    await expect(grid.locator('td.due').count()).resolves.toBe(8);
    await expect(grid.locator('td.conflict').count()).resolves.toBe(1);
    await shot(page, 'case-jury-and-grid');
    await axe(page, 'case-championship');

    // Sheets arrive over HTTP; the grid and the diagnostics follow live. The two fair jurors rank the teams alike;
    // the harsh one (conflicted with the third team) marks the other two far lower, in the same order.
    const sheet = (score: number) => ({
      scores: { relevance: score, analysis: score, feasibility: score, innovation: score, presentation: score },
    });
    const put = (token: string, teamId: string, score: number) =>
      request(t.url)
        .put(`/api/case-championships/${championship.id}/scoresheets/${teamId}`)
        .set('Authorization', `Bearer ${token}`)
        .send(sheet(score))
        .expect(200);
    for (const judge of [fair, second]) {
      await put(judge.token, teams[0].id, 9);
      await put(judge.token, teams[1].id, 7);
      await put(judge.token, teams[2].id, 4);
    }
    await put(harsh.token, teams[0].id, 3);
    await put(harsh.token, teams[1].id, 2);
    await grid.locator('td.scored').nth(7).waitFor();
    await expect(grid.locator('td.due').count()).resolves.toBe(0);
    const diagnostics = page.locator('#diagnostics-title').locator('..');
    await diagnostics.locator('tr.outlier').first().waitFor();
    await expect(diagnostics.locator('tr.outlier th').allTextContents()).resolves.toEqual([
      `${harsh.fullName}ерекшеленеді`,
    ]);
    await shot(page, 'case-progress-diagnostics');
    await axe(page, 'case-diagnostics');

    // Freeze, reveal one row, finalise (each confirmed), then the qualifier goes into the region's tournament.
    await page.getByRole('button', { name: 'Көпшілік тақтасын тоқтату' }).click();
    await dialogButton(page, 'Көпшілік тақтасын тоқтату').click();
    await page.getByText('Көпшілік тақтасы тоқтатылған: 0 жол ашылды.').waitFor();
    await page.getByRole('button', { name: 'Келесі жолды ашу' }).click();
    await dialogButton(page, 'Келесі жолды ашу').click();
    await page.getByText('Көпшілік тақтасы тоқтатылған: 1 жол ашылды.').waitFor();
    await page.getByRole('button', { name: 'Қорытындылау' }).click();
    await dialogButton(page, 'Қорытындылау').click();
    await page.getByText('Шығыс · қорытындыланды').waitFor();
    const qualifiers = page.locator('#qualifiers-title').locator('..').locator('ol li');
    await expect(qualifiers.allTextContents()).resolves.toEqual([teams[0].name]);
    await page.getByLabel('Жолдама алғандарды тіркеу турнирі').selectOption(tournament.id);
    await page.getByRole('button', { name: 'Жолдама алғандарды тіркеу', exact: true }).click();
    await page.getByText(`Жолдама алғандар ${tournament.name} турниріне тіркелді.`).waitFor();
    await shot(page, 'case-qualifiers');
    const entered = (await request(t.url).get(`/api/tournaments/${tournament.id}`).expect(200)).body;
    expect(entered.teams.map((x: { teamId: string }) => x.teamId)).toEqual([teams[0].id]);
    await context.close();
  });

  async function judgeToken(accessCode: string): Promise<string> {
    return (await request(t.url).post('/api/auth/judge').send({ accessCode }).expect(200)).body.accessToken as string;
  }
});
