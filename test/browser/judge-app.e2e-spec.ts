import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import request from 'supertest';
import { judgeScenario, type JudgeScenario } from '../support/judge-scenario.js';
import { type TestApp } from '../support/test-app.js';
import { axe, browserSuite, screenshots, startBrowserApp, stopBrowserApp } from './support.js';

/**
 * The judges' tablet app in Chromium (test/browser/support.ts): the built client served by the built server on the
 * embedded database. Screenshots go to test-artifacts/judge-app/ (git-ignored).
 */
const { dir: SHOTS, shot } = screenshots('judge-app');
const suite = browserSuite('judge app browser tests');

const TABLET = { width: 820, height: 1180 };
const PHONE = { width: 390, height: 844 };

suite('judge tablet app in Chromium (e2e)', () => {
  let t: TestApp, browser: Browser;
  beforeAll(async () => ({ t, browser } = await startBrowserApp()));
  afterAll(() => stopBrowserApp(t, browser));

  const judgeApi = async (s: JudgeScenario) =>
    (await request(t.url).post('/api/auth/judge').send({ token: s.judge.linkToken }).expect(200)).body
      .accessToken as string;
  const speakers = async (tournamentId: string) =>
    (await request(t.url).get(`/api/tournaments/${tournamentId}/speakers`).expect(200)).body.items as {
      speakerId: string;
      total: number;
      replyTotal: number;
    }[];
  const work = async (token: string) =>
    (await request(t.url).get('/api/me/work').set('Authorization', `Bearer ${token}`).expect(200)).body;

  /** The draw picks sides: the teams of a two-team debate by side, with their rosters in order. */
  async function debateSides(token: string, debateId: string) {
    const debate = (await work(token)).debates.find((d: { debateId: string }) => d.debateId === debateId);
    const bySide = (side: string) => {
      const team = debate.teams.find((x: { side: string }) => x.side === side);
      return {
        name: team.name as string,
        members: (team.speakers as { id: string; name: string }[]).map((p) => ({ id: p.id, fullName: p.name })),
      };
    };
    return { gov: bySide('gov'), opp: bySide('opp') };
  }

  async function open(s: JudgeScenario, viewport = TABLET): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, baseURL: t.url });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(s.judge.link);
    await page.getByRole('heading', { level: 1, name: 'Менің жұмысым' }).waitFor();
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    process.stdout.write(
      `judge app: first paint ${Math.round(paint)} ms; link opened to "My work" (signed in, list loaded) in ${Date.now() - started} ms\n`,
    );
    await page.getByText(`${s.wsdc.teams[0].name}`).first().waitFor();
    return { context, page };
  }

  it('a judge opens the link, enters a WSDC ballot by taps and a BP ballot by keyboard; the server holds exactly those scores', async () => {
    const s = await judgeScenario(t, ' 1');
    const token = await judgeApi(s);
    const sides = await debateSides(token, s.wsdc.debateId);
    const { context, page } = await open(s);
    expect(page.url()).toBe(`${t.url}/`);
    await shot(page, 'work-tablet');
    await axe(page, 'work');

    let taps = 0;
    const tap = async (target: Locator) => {
      taps++;
      await target.click();
    };
    const wsdcCard = page.locator('li.card', { hasText: s.wsdc.teams[0].name });
    await tap(wsdcCard.getByRole('button', { name: 'Бюллетень толтыру' }));
    await page.getByRole('heading', { level: 1, name: 'Бюллетень' }).waitFor();
    const plus = (n: number) => page.getByRole('button', { name: /^Көбейту/ }).nth(n);
    const minus = (n: number) => page.getByRole('button', { name: /^Азайту/ }).nth(n);
    // Government 70.5, 70, 70, reply 35 = 245.5; Opposition 70, 69.5, 70, reply 35 = 244.5.
    await tap(plus(0));
    await tap(plus(0));
    await tap(plus(1));
    await tap(plus(2));
    await tap(plus(3));
    await tap(plus(4));
    await tap(minus(5));
    await tap(minus(5));
    await tap(plus(6));
    await tap(plus(7));
    await expect(page.locator('.winner').textContent()).resolves.toContain(`Жеңімпаз: ${sides.gov.name}`);
    await expect(page.locator('.winner').textContent()).resolves.toContain('Айырма 1');
    await shot(page, 'ballot-wsdc-tablet');
    await axe(page, 'ballot');
    await tap(page.getByRole('button', { name: 'Тексеру' }));
    await page.getByRole('heading', { level: 1, name: 'Тексеріп, жіберіңіз' }).waitFor();
    await shot(page, 'review-tablet');
    await tap(page.getByRole('button', { name: 'Жіберу' }));
    await page.locator('.outbox-item[data-state="accepted"]').waitFor();
    process.stdout.write(`judge app: WSDC ballot entered in ${taps} taps after sign-in (budget 25)\n`);
    expect(taps).toBeLessThanOrEqual(25);

    const { gov, opp } = sides;
    const wsdcTab = await speakers(s.wsdc.tournamentId);
    const scoreOf = (id: string) => wsdcTab.find((r) => r.speakerId === id);
    expect(gov.members.map((m) => scoreOf(m.id)?.total)).toEqual([70.5, 70, 70]);
    expect(opp.members.map((m) => scoreOf(m.id)?.total)).toEqual([70, 69.5, 70]);
    expect([scoreOf(gov.members[0].id)?.replyTotal, scoreOf(opp.members[0].id)?.replyTotal]).toEqual([35, 35]);

    // BP by keyboard: type each score.
    const bpCard = page.locator('li.card', { hasText: s.bp.teams[0].name });
    await bpCard.getByRole('button', { name: 'Бюллетень толтыру' }).click();
    await page.getByRole('heading', { level: 1, name: 'Бюллетень' }).waitFor();
    const bpDebate = (await work(token)).debates.find((d: { debateId: string }) => d.debateId === s.bp.debateId);
    const typed: Record<string, [number, number]> = { OG: [75, 76], OO: [80, 79], CG: [70, 72], CO: [77, 77] };
    const inputs = page.locator('input.score');
    for (let i = 0; i < 4; i++) {
      const [a, b] = typed[bpDebate.teams[i].side];
      await inputs.nth(i * 2).fill(String(a));
      await inputs.nth(i * 2 + 1).fill(String(b));
    }
    const ranks = await page.locator('.ranks li').allTextContents();
    const nameOf = (side: string) => bpDebate.teams.find((x: { side: string }) => x.side === side).name;
    expect(ranks.map((r) => r.split(' · ')[0])).toEqual([
      '1-орын ' + nameOf('OO'),
      '2-орын ' + nameOf('CO'),
      '3-орын ' + nameOf('OG'),
      '4-орын ' + nameOf('CG'),
    ]);
    await shot(page, 'ballot-bp-tablet');
    await page.getByRole('button', { name: 'Тексеру' }).click();
    await page.getByRole('button', { name: 'Жіберу' }).click();
    await page.locator('.outbox-item[data-state="accepted"]').nth(1).waitFor();
    const bpTab = await speakers(s.bp.tournamentId);
    for (const team of bpDebate.teams as { side: string; speakers: { id: string }[] }[]) {
      expect(team.speakers.map((p) => bpTab.find((r) => r.speakerId === p.id)?.total)).toEqual(typed[team.side]);
    }
    const after = await work(token);
    expect(after.debates.map((d: { ballotVersion: number }) => d.ballotVersion)).toEqual([1, 1]);
    await shot(page, 'work-after-submit-tablet');
    await page.setViewportSize(PHONE);
    await shot(page, 'work-after-submit-phone');
    await context.close();
  });

  it('offline: the ballot waits in the outbox through a reload, and is accepted exactly once when the network returns', async () => {
    const s = await judgeScenario(t, ' 2');
    const token = await judgeApi(s);
    const { gov, opp } = await debateSides(token, s.wsdc.debateId);
    const { context, page } = await open(s, PHONE);
    // The shell is cached once the service worker controls the page (127.0.0.1 is a secure context).
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 20_000 });
    await context.setOffline(true);
    await page
      .locator('li.card', { hasText: s.wsdc.teams[0].name })
      .getByRole('button', { name: 'Бюллетень толтыру' })
      .click();
    const inputs = page.locator('input.score');
    const scores = ['72', '71', '70', '36', '70', '70', '69', '35'];
    for (let i = 0; i < scores.length; i++) await inputs.nth(i).fill(scores[i]);
    await page.getByRole('button', { name: 'Тексеру' }).click();
    await page.getByRole('button', { name: 'Жіберу' }).click();
    await page.locator('.outbox-item[data-state="saved"]').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Менің жұмысым' }).waitFor();
    await page.locator('.outbox-item[data-state="saved"]').waitFor();
    await page.getByText('Байланыс жоқ: құрылғыда сақталған тізім көрсетілуде').waitFor();
    await shot(page, 'offline-outbox-phone');
    expect((await work(token)).debates.find((d: { debateId: string }) => d.debateId === s.wsdc.debateId).ballotIn).toBe(
      false,
    );

    await context.setOffline(false);
    await page.locator('.outbox-item[data-state="accepted"]').waitFor({ timeout: 30_000 });
    const debate = (await work(token)).debates.find((d: { debateId: string }) => d.debateId === s.wsdc.debateId);
    expect(debate).toMatchObject({ ballotIn: true, ballotVersion: 1 });
    const tab = await speakers(s.wsdc.tournamentId);
    expect([...gov.members, ...opp.members].map((m) => tab.find((r) => r.speakerId === m.id)?.total)).toEqual([
      72, 71, 70, 70, 70, 69,
    ]);
    // Another reload: nothing is sent again.
    await page.reload();
    await page.locator('.outbox-item[data-state="accepted"]').waitFor();
    await page.waitForTimeout(500);
    expect(
      (await work(token)).debates.find((d: { debateId: string }) => d.debateId === s.wsdc.debateId).ballotVersion,
    ).toBe(1);
    await context.close();
  });

  it('a case scoresheet by steppers; conflicted teams carry a badge and no button', async () => {
    const s = await judgeScenario(t, ' 3');
    const { context, page } = await open(s);
    await page.getByText('Мүдделер қақтығысы: бұл команданы бағалай алмайсыз').waitFor();
    await page.getByText('Мүдделер қақтығысы (бір оқу орны): бұл команданы бағалай алмайсыз').waitFor();
    await expect(page.getByText('1 команданың 0 бағаланды').count()).resolves.toBe(1);
    expect(await page.getByRole('button', { name: new RegExp(s.cases.declared.name) }).count()).toBe(0);
    await page.getByRole('button', { name: `Бағалау: ${s.cases.free.name}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Бағалау парағы' }).waitFor();
    await page.getByText('Талдаудың тереңдігі').waitFor();
    const plus = (n: number) => page.getByRole('button', { name: /^Көбейту/ }).nth(n);
    // Each criterion 0–10: one tap = 5, each further tap +0.5.
    for (let n = 0; n < 5; n++) await plus(n).click();
    await plus(1).click();
    await plus(1).click();
    await page.getByLabel('Пікір (міндетті емес)').fill('Нақты жоспар, бірақ бюджет әлсіз');
    await shot(page, 'case-sheet-tablet');
    await axe(page, 'case sheet');
    await page.getByRole('button', { name: 'Парақты жіберу' }).click();
    await page.locator('.outbox-item[data-state="accepted"]').waitFor();
    await page.getByText('1 команданың 1 бағаланды').waitFor();
    const sheets = (
      await request(t.url)
        .get(`/api/case-championships/${s.cases.championshipId}/scoresheets`)
        .set(s.organiser)
        .expect(200)
    ).body.items;
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toMatchObject({
      teamId: s.cases.free.id,
      judgeId: s.judge.id,
      scores: { relevance: 5, analysis: 6, feasibility: 5, innovation: 5, presentation: 5 },
      comment: 'Нақты жоспар, бірақ бюджет әлсіз',
    });
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: `Парағымды өзгерту: ${s.cases.free.name}` }).click();
    await shot(page, 'case-sheet-phone');
    await context.close();
  });

  it('an invalid score is blocked with the reason in Kazakh; the language switch changes every visible string', async () => {
    const s = await judgeScenario(t, ' 4');
    const { context, page } = await open(s, PHONE);
    await page
      .locator('li.card', { hasText: s.wsdc.teams[0].name })
      .getByRole('button', { name: 'Бюллетень толтыру' })
      .click();
    const inputs = page.locator('input.score');
    const scores = ['85', '71', '70', '36', '70', '70', '69', '35'];
    for (let i = 0; i < scores.length; i++) await inputs.nth(i).fill(scores[i]);
    await page.getByText('балл 60 мен 80 аралығында болуы керек').first().waitFor();
    expect(await page.getByRole('button', { name: 'Тексеру' }).isDisabled()).toBe(true);
    expect(await inputs.nth(0).getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'ballot-invalid-phone');

    // Data (names, motion, numbers) stays; every other visible string must change with the language.
    const data = [
      s.judge.fullName,
      s.wsdc.motion,
      'WSDC Open 4',
      'BP Open 4',
      ...s.wsdc.teams.flatMap((x) => [x.name, ...x.members.map((m) => m.fullName)]),
      'Қазақша',
      'Русский',
      'English',
      'Orleu',
    ].sort((a, b) => b.length - a.length);
    const visibleTexts = () =>
      page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent?.trim();
          const parent = node.parentElement;
          if (!text || !parent || parent.closest('option:not(:checked)')) continue;
          const style = getComputedStyle(parent);
          if (style.display === 'none' || style.visibility === 'hidden' || parent.closest('.visually-hidden')) continue;
          out.push(text);
        }
        return out;
      });
    const wording = (text: string) => {
      let rest = text;
      for (const d of data) rest = rest.split(d).join('');
      return rest.replace(/[\d\s.,·:;–—()%/+\-−←]/g, '');
    };
    const kk = (await visibleTexts()).filter((x) => wording(x) !== '');
    expect(kk.length).toBeGreaterThan(10);
    for (const [lang, button] of [
      ['ru', 'Русский'],
      ['en', 'English'],
    ] as const) {
      await page.getByRole('button', { name: button }).click();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const texts = (await visibleTexts()).filter((x) => wording(x) !== '');
      // Words Kazakh and Russian share (the side name comes from the format's own labels).
      const shared = lang === 'ru' ? ['Бюллетень', 'Оппозиция'] : [];
      const unchanged = texts.filter((x) => kk.includes(x) && !shared.includes(x));
      expect({ lang, unchanged }).toEqual({ lang, unchanged: [] });
      if (lang === 'en') expect(texts.filter((x) => /[а-яёәғқңөұүһі]/i.test(wording(x)))).toEqual([]);
      await shot(page, `ballot-invalid-${lang}-phone`);
    }
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await page.getByText('балл 60 мен 80 аралығында болуы керек').first().waitFor();
    await context.close();
  });

  it('My work updates live when a draw is released; a ballot is corrected before confirmation as a new version', async () => {
    const s = await judgeScenario(t, ' 6', { panelOfThree: true });
    const token = await judgeApi(s);
    const { gov, opp } = await debateSides(token, s.wsdc.debateId);
    const { context, page } = await open(s);
    await page.locator('.live.on').waitFor();

    // The organiser releases a new round elsewhere: the card appears without a reload.
    const org = s.organiser;
    const made = await request(t.url)
      .post('/api/tournaments')
      .set(org)
      .send({
        name: 'Live LD Cup',
        level: 'regional',
        regionCode: 'north',
        format: 'ld',
        prelimRounds: 1,
        breakSize: 2,
      })
      .expect(201);
    for (const name of ['LD Live One', 'LD Live Two']) {
      const team = await request(t.url)
        .post('/api/teams')
        .set(org)
        .send({
          name,
          regionCode: 'north',
          oblastCode: 'pavlodar',
          institution: `${name} School`,
          eventDate: '2026-11-24',
          members: [{ fullName: `${name} debater`, birthDate: '2006-01-01' }],
        })
        .expect(201);
      await request(t.url)
        .post(`/api/tournaments/${made.body.id}/teams`)
        .set(org)
        .send({ teamId: team.body.id })
        .expect(201);
    }
    await request(t.url)
      .post(`/api/tournaments/${made.body.id}/adjudicators`)
      .set(org)
      .send({ judgeIds: [s.judge.id] })
      .expect(201);
    const drawn = await request(t.url)
      .post(`/api/tournaments/${made.body.id}/rounds`)
      .set(org)
      .send({ motion: 'This House would ban homework' })
      .expect(201);
    expect(await page.getByText('Live LD Cup').count()).toBe(0);
    await request(t.url).post(`/api/tournaments/${made.body.id}/rounds/${drawn.body.seq}/release`).set(org).expect(200);
    // The draw is out before the motion: the card says so until the tab releases it, then /live brings the text.
    await page.locator('li.card', { hasText: 'Live LD Cup' }).getByText('Тақырып әлі жарияланған жоқ').waitFor({
      timeout: 5_000,
    });
    expect(await page.getByText('This House would ban homework').count()).toBe(0);
    await request(t.url)
      .post(`/api/tournaments/${made.body.id}/rounds/${drawn.body.seq}/motion/release`)
      .set(org)
      .expect(200);
    await page.getByText('This House would ban homework').waitFor({ timeout: 5_000 });

    // First ballot: the second panellist has not voted, so the debate stays open.
    const card = page.locator('li.card', { hasText: gov.name });
    await card.getByRole('button', { name: 'Бюллетень толтыру' }).click();
    const inputs = page.locator('input.score');
    const first = ['72', '71', '70', '36', '70', '70', '69', '35'];
    for (let i = 0; i < first.length; i++) await inputs.nth(i).fill(first[i]);
    await page.getByRole('button', { name: 'Тексеру' }).click();
    await page.getByRole('button', { name: 'Жіберу' }).click();
    await card.getByText('Бюллетеніңіз қабылданды (1-нұсқа)').waitFor();
    // The correction starts from the draft kept on the device: change one score only.
    await card.getByRole('button', { name: 'Бюллетенімді түзету' }).click();
    await expect(inputs.nth(0).inputValue()).resolves.toBe('72');
    await inputs.nth(0).fill('74');
    await page.getByRole('button', { name: 'Тексеру' }).click();
    await page.getByRole('button', { name: 'Жіберу' }).click();
    await card.getByText('Бюллетеніңіз қабылданды (2-нұсқа)').waitFor();
    expect((await work(token)).debates.find((d: { debateId: string }) => d.debateId === s.wsdc.debateId)).toMatchObject(
      { ballotVersion: 2, status: 'pending' },
    );
    // Confirmed by the organiser on this one ballot: the corrected score is the one that counts.
    await request(t.url).post(`/api/debates/${s.wsdc.debateId}/confirm`).set(org).expect(200);
    const tab = await speakers(s.wsdc.tournamentId);
    expect([...gov.members, ...opp.members].map((m) => tab.find((r) => r.speakerId === m.id)?.total)).toEqual([
      74, 71, 70, 70, 70, 69,
    ]);
    // An organiser's confirm of a preliminary debate announces nothing on /live today (no room is recorded for it),
    // so the tablet learns of it on its next load.
    await page.reload();
    await card.getByText('Нәтиже бекітілді').waitFor();
    expect(await card.getByRole('button', { name: 'Бюллетенімді түзету' }).count()).toBe(0);
    await context.close();
  });

  it('every screen at tablet and phone size; Kazakh decimals with a comma; a server rejection in Kazakh', async () => {
    const s = await judgeScenario(t, ' 8', { allFormats: true });
    const token = await judgeApi(s);
    const shots: string[] = [];
    /** The screen as it is now, at tablet then phone size (full page), back to the tablet. */
    const shoot = async (page: Page, screen: string) => {
      for (const [size, viewport] of [
        ['tablet', TABLET],
        ['phone', PHONE],
      ] as const) {
        await page.setViewportSize(viewport);
        const name = `screen-${screen}-${size}`;
        await shot(page, name);
        shots.push(`${name}.png`);
      }
      await page.setViewportSize(TABLET);
    };

    // Sign-in and the refused link, on a device that has never signed in.
    const stranger = await browser.newContext({ viewport: TABLET, baseURL: t.url });
    const fresh = await stranger.newPage();
    await fresh.goto('/');
    await fresh.getByLabel('Кіру коды').waitFor();
    await shoot(fresh, 'sign-in');
    await fresh.goto('/judge/not-a-real-token');
    await fresh.getByText('Бұл сілтеме енді жарамсыз.', { exact: false }).waitFor();
    await shoot(fresh, 'revoked-link');
    await stranger.close();

    // Service workers blocked: page.route must see the app's requests (a worker's fetches bypass it).
    const context = await browser.newContext({ viewport: TABLET, baseURL: t.url, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(s.judge.link);
    await page.getByRole('heading', { level: 1, name: 'Менің жұмысым' }).waitFor();
    await page.getByText(s.ld!.teams[0].name).first().waitFor();
    await shoot(page, 'work');

    // Each format's ballot and review. Inputs run team by team in speaking order; the first team's first speaker
    // gets half a point more, typed with a comma as a Kazakh judge types it.
    const slots: Record<string, ('speech' | 'reply')[]> = {
      wsdc: ['speech', 'speech', 'speech', 'reply'],
      apf: ['speech', 'speech', 'reply'],
      ld: ['speech'],
    };
    const firstSpeaker: Record<string, string> = {};
    for (const format of ['wsdc', 'bp', 'apf', 'ld'] as const) {
      const scenario = s[format]!;
      await page
        .locator('li.card', { hasText: scenario.teams[0].name })
        .getByRole('button', { name: 'Бюллетень толтыру' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Бюллетень' }).waitFor();
      const inputs = page.locator('input.score');
      if (format === 'bp') {
        for (let i = 0; i < 8; i++) await inputs.nth(i).fill(String(80 - Math.floor(i / 2) * 3));
      } else {
        if (format === 'wsdc') {
          // Two taps on an empty stepper: the middle of 60–80, then half a point up, shown with a comma.
          await page
            .getByRole('button', { name: /^Көбейту/ })
            .first()
            .click();
          await page
            .getByRole('button', { name: /^Көбейту/ })
            .first()
            .click();
          await expect(inputs.nth(0).inputValue()).resolves.toBe('70,5');
        }
        const perTeam = slots[format];
        for (let team = 0; team < 2; team++) {
          for (const [i, kind] of perTeam.entries()) {
            if (format === 'wsdc' && team === 0 && i === 0) continue;
            const score = kind === 'reply' ? '35' : team === 0 && i === 0 ? '70,5' : '70';
            await inputs.nth(team * perTeam.length + i).fill(score);
          }
        }
        // The margin is half a point, written as Kazakh writes it.
        await expect(page.locator('.winner').textContent()).resolves.toContain('Айырма 0,5');
      }
      await shoot(page, `ballot-${format}`);
      await page.getByRole('button', { name: 'Тексеру' }).click();
      await page.getByRole('heading', { level: 1, name: 'Тексеріп, жіберіңіз' }).waitFor();
      await shoot(page, `review-${format}`);
      await page.getByRole('button', { name: 'Жіберу' }).click();
      await page.getByRole('heading', { level: 1, name: 'Менің жұмысым' }).waitFor();
      const debate = (await work(token)).debates.find((d: { debateId: string }) => d.debateId === scenario.debateId);
      if (format !== 'bp') firstSpeaker[format] = debate.teams[0].speakers[0].id;
    }
    await expect(page.locator('.outbox-item[data-state="accepted"]').count()).resolves.toBe(4);
    await page.locator('.outbox').scrollIntoViewIfNeeded();
    await shoot(page, 'outbox-accepted');
    // The comma-typed 70,5 reached the server as 70.5 in every two-team format.
    for (const format of ['wsdc', 'apf', 'ld'] as const) {
      const tab = await speakers(s[format]!.tournamentId);
      expect({ format, total: tab.find((r) => r.speakerId === firstSpeaker[format])?.total }).toEqual({
        format,
        total: 70.5,
      });
    }

    // The case scoresheet, then its outbox states: saved on the device (offline), sending, and rejected by the
    // server (the organiser finalised the championship meanwhile) with the reason in Kazakh.
    await page.getByRole('button', { name: `Бағалау: ${s.cases.free.name}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Бағалау парағы' }).waitFor();
    const plus = (n: number) => page.getByRole('button', { name: /^Көбейту/ }).nth(n);
    for (let n = 0; n < 5; n++) await plus(n).click();
    await plus(0).click();
    await expect(page.locator('input.score').nth(0).inputValue()).resolves.toBe('5,5');
    await shoot(page, 'case-sheet');
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Парақты жіберу' }).click();
    await page.locator('.outbox-item[data-state="saved"]').waitFor();
    await shoot(page, 'outbox-saved');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/case-championships/*/scoresheets/*', async (route) => {
      await held;
      await route.continue();
    });
    await context.setOffline(false);
    await page.locator('.outbox-item[data-state="sending"]').waitFor({ timeout: 30_000 });
    await shoot(page, 'outbox-sending');
    // Forced: the sheet held in the outbox is one the jury still owes (without force, a 409 lists it).
    await request(t.url)
      .post(`/api/case-championships/${s.cases.championshipId}/finalise`)
      .set(s.organiser)
      .send({ force: true })
      .expect(200);
    release();
    const rejected = page.locator('.outbox-item[data-state="rejected"]');
    await rejected.waitFor({ timeout: 30_000 });
    // Translated from the server's problem code; its English words only on their own line, marked as English.
    await expect(rejected.locator('.state').textContent()).resolves.toBe('Қабылданбады: Бағалау ашық емес.');
    await expect(rejected.locator('.server-words').textContent()).resolves.toMatch(
      /^Сервердің жауабы \(ағылшынша\): scoring is not open/,
    );
    await expect(rejected.locator('.server-words [lang="en"]').count()).resolves.toBe(1);
    await shoot(page, 'outbox-rejected');
    await axe(page, 'outbox rejected');
    process.stdout.write(`judge app: ${shots.length} screenshots in ${SHOTS}: ${shots.join(', ')}\n`);
    expect(shots).toHaveLength(2 * 16);
    await context.close();
  });

  it('a revoked or wrong link shows whom to ask, and the access code still signs in', async () => {
    const s = await judgeScenario(t, ' 5');
    const context = await browser.newContext({ viewport: PHONE, baseURL: t.url });
    const page = await context.newPage();
    await page.goto('/judge/not-a-real-token');
    await page
      .getByText('Бұл сілтеме енді жарамсыз. Жаңа төреші картасын ұйымдастырушыдан немесе таб үстелінен сұраңыз.')
      .waitFor();
    await shot(page, 'sign-in-revoked-phone');
    await axe(page, 'sign-in');
    await page.getByLabel('Кіру коды').fill(s.judge.accessCode);
    await page.getByRole('button', { name: 'Кіру' }).click();
    await page.getByRole('heading', { level: 1, name: 'Менің жұмысым' }).waitFor();
    // The device remembers: a new visit to / goes straight to the work list.
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Менің жұмысым' }).waitFor();
    await context.close();
  });

  it('an expired access token renews itself from the link, for the work list and the live socket', async () => {
    const s = await judgeScenario(t, ' 7');
    const { context, page } = await open(s);
    // Stand-in for a token past its lifetime (JWT_TTL_SECONDS is at least 60 s): the server answers both with 401.
    const stale = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6Imp1ZGdlIn0.invalid';
    const sessionToken = () =>
      page.evaluate(
        () =>
          new Promise<string>((resolve, reject) => {
            const open = indexedDB.open('orleu');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('kv').objectStore('kv').get('judge.session');
              get.onsuccess = () => resolve((get.result as { accessToken: string }).accessToken);
            };
          }),
      );
    await page.evaluate(
      (token) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('orleu');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('kv', 'readwrite').objectStore('kv');
            const get = store.get('judge.session');
            get.onsuccess = () => {
              store.put({ ...get.result, accessToken: token }, 'judge.session').onsuccess = () => resolve();
            };
          };
        }),
      stale,
    );
    await page.reload();
    await page.getByText(s.wsdc.motion).waitFor();
    await page.locator('.live.on').waitFor();
    const renewed = await sessionToken();
    expect(renewed).not.toBe(stale);
    await request(t.url).get('/api/me/work').set('Authorization', `Bearer ${renewed}`).expect(200);
    await context.close();
  });
});
