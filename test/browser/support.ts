import { describe, expect } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * What every browser spec shares: Debian's Chromium driven by playwright-core against the built client served by
 * the built server on the embedded database. Embedded pass only: nothing in a browser test depends on the database
 * engine, and one browser pass keeps CI short. Screenshots go to test-artifacts/<folder>/ (git-ignored).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `describe`, or `describe.skip` with the reason printed: in the PostgreSQL pass, or where there is no browser. */
export function browserSuite(label: string): typeof describe | typeof describe.skip {
  const skip = process.env.DATABASE_URL
    ? 'runs in the embedded pass only'
    : !existsSync(CHROMIUM) && !process.env.CI
      ? `no browser at ${CHROMIUM}`
      : '';
  if (skip) process.stdout.write(`${label} skipped: ${skip}\n`);
  return skip ? describe.skip : describe;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The built app on a fresh embedded database, and a browser to open it in. */
export async function startBrowserApp(): Promise<{ t: TestApp; browser: Browser }> {
  const t = await startTestApp({ embedded: true });
  return { t, browser: await launchBrowser() };
}

/** Closes what startBrowserApp started (either may be missing when the start failed). */
export async function stopBrowserApp(t: TestApp | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await t?.close();
}

/** Full-page screenshots into test-artifacts/<folder>/<name>.png. */
export function screenshots(folder: string) {
  const dir = join(process.cwd(), 'test-artifacts', folder);
  const shot = (page: Page, name: string) => {
    mkdirSync(dir, { recursive: true });
    return page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  };
  return { dir, shot };
}

/** No serious or critical axe-core violation on the page as it is now. */
export async function axe(page: Page, screen: string): Promise<void> {
  // Evaluated through the DevTools protocol, not a <script> tag: the apps' Content-Security-Policy (helmet) rightly
  // refuses inline scripts, and the scan must run under the same policy the users get.
  await page.evaluate(readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ screen, serious }).toEqual({ screen, serious: [] });
}

/**
 * A WSDC ballot body as a judge sends it: per team (in the order given) three speeches of 70 and the first
 * speaker's reply of 35, except that the winner's first speaker scores 70 + `margin`.
 */
export function wsdcBallot(
  teams: { teamId: string; speakers: { id: string }[] }[],
  winnerTeamId: string,
  margin: number,
) {
  return {
    teams: teams.map((team) => ({
      teamId: team.teamId,
      speeches: [
        { speakerId: team.speakers[0].id, score: team.teamId === winnerTeamId ? 70 + margin : 70 },
        { speakerId: team.speakers[1].id, score: 70 },
        { speakerId: team.speakers[2].id, score: 70 },
        { speakerId: team.speakers[0].id, score: 35, reply: true },
      ],
    })),
  };
}
