import { signal } from '@preact/signals';
import { en, type Message, type MessageKey } from './messages/en.js';
import { kk } from './messages/kk.js';
import { ru } from './messages/ru.js';

export type Locale = 'kk' | 'ru' | 'en';
export const LOCALES: readonly Locale[] = ['kk', 'ru', 'en'];
export type { MessageKey };

const CATALOGUES: Catalogues<MessageKey> = { kk, ru, en };
const STORAGE_KEY = 'orleu.locale';

function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // Storage blocked (private mode): Kazakh, the default.
  }
  return 'kk';
}

/** The interface language: Kazakh unless the judge chose another on this device. */
export const locale = signal<Locale>(initialLocale());

export function setLocale(next: Locale): void {
  locale.value = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, still switched.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The CLDR plural category for `count` in `lang` (kk, en: one/other; ru: one/few/many/other). */
export function pluralCategory(lang: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
}

/** A catalogue per language: each app (judge, board, console) has its own, so a judge's tablet loads only the judge's words. */
export type Catalogues<K extends string> = Record<Locale, Record<K, Message>>;

/** The message in `lang` with `{name}` placeholders filled; a plural message picks its form by `params.count`. */
export function translateFrom<K extends string>(
  catalogues: Catalogues<K>,
  lang: Locale,
  key: K,
  params: Record<string, string | number> = {},
): string {
  const message = catalogues[lang][key];
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = Number(params.count ?? 0);
    text = message[pluralCategory(lang, count)] ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** An app's `t`: reading `locale.value` inside makes every component that calls it re-render on a switch. */
export function translator<K extends string>(
  catalogues: Catalogues<K>,
): (key: K, params?: Record<string, string | number>) => string {
  return (key, params) => translateFrom(catalogues, locale.value, key, params);
}

export function translate(lang: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return translateFrom(CATALOGUES, lang, key, params);
}

/** The judge app's words (messages/*.ts). */
export const t = translator(CATALOGUES);

/**
 * Decimal and group separators per language, written out rather than asked of `Intl`: Chromium's ICU has no
 * Kazakh number data and answers "52.5" for kk, where a Kazakh (like a Russian) reader writes 52,5.
 */
const SEPARATORS: Record<Locale, { decimal: string; group: string }> = {
  kk: { decimal: ',', group: '\u00a0' },
  ru: { decimal: ',', group: '\u00a0' },
  en: { decimal: '.', group: ',' },
};

/** `value` with at most two decimals, in the language's way: 52,5 (kk, ru), 52.5 (en); 1 234,5 / 1,234.5. */
export function formatNumber(lang: Locale, value: number, options: { grouping?: boolean } = {}): string {
  const { decimal, group } = SEPARATORS[lang];
  const [whole, fraction] = Math.abs(value)
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .split('.');
  const grouped = options.grouping === false ? whole : whole.replace(/\B(?=(\d{3})+$)/g, group);
  const sign = value < 0 && Number(`${whole}.${fraction ?? 0}`) !== 0 ? '-' : '';
  return sign + grouped + (fraction ? decimal + fraction : '');
}

/** A score as a judge reads and types it in a field: the language's decimal mark, no grouping. */
export const formatScore = (lang: Locale, value: number): string => formatNumber(lang, value, { grouping: false });

/** Server-supplied names (format sides, slots, criteria) come as { kk, ru, en }. */
export function pick(text: { kk: string; ru: string; en: string }): string {
  return text[locale.value];
}
