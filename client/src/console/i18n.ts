import { translateFrom, translator, type Catalogues, type Locale } from '../shared/i18n.js';
import { en, type ConsoleKey } from './messages/en.js';
import { kk } from './messages/kk.js';
import { ru } from './messages/ru.js';

const CATALOGUES: Catalogues<ConsoleKey> = { kk, ru, en };

/** The console's words; the language switch is the shared one (Kazakh by default). */
export const t = translator(CATALOGUES);
export type { ConsoleKey };

/** A word in a given language, whatever the interface's (judge cards print in Kazakh or Russian). */
export function tIn(lang: Locale, key: ConsoleKey, params?: Record<string, string | number>): string {
  return translateFrom(CATALOGUES, lang, key, params);
}
