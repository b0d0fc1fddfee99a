import { describe, expect, it } from '@jest/globals';
import { en } from './messages/en.js';
import { kk } from './messages/kk.js';
import { ru } from './messages/ru.js';
import { formatNumber, formatScore, translate } from './i18n.js';

describe('translate', () => {
  it('picks the Russian plural form by CLDR rules: 1, 2–4, 5–20, 21', () => {
    expect(translate('ru', 'work.left', { count: 1 })).toBe('Осталось оценить 1 команду');
    expect(translate('ru', 'work.left', { count: 3 })).toBe('Осталось оценить 3 команды');
    expect(translate('ru', 'work.left', { count: 11 })).toBe('Осталось оценить 11 команд');
    expect(translate('ru', 'work.left', { count: 21 })).toBe('Осталось оценить 21 команду');
  });
  it('uses the English singular only for one', () => {
    expect(translate('en', 'work.left', { count: 1 })).toBe('1 team left to score');
    expect(translate('en', 'work.left', { count: 2 })).toBe('2 teams left to score');
  });
  it('fills placeholders and writes decimals as the language does', () => {
    expect(translate('kk', 'problem.range', { slot: 'X', min: 60, max: 80 })).toBe(
      'X: балл 60 мен 80 аралығында болуы керек',
    );
    expect(translate('ru', 'ballot.margin', { margin: 2.5 })).toBe('Разница 2,5');
    expect(translate('en', 'ballot.margin', { margin: 2.5 })).toBe('Margin 2.5');
  });
  it('writes 52,5 in Kazakh and Russian and 52.5 in English, whatever the runtime knows of kk', () => {
    expect(formatNumber('kk', 52.5)).toBe('52,5');
    expect(translate('kk', 'ballot.margin', { margin: 2.5 })).toMatch(/2,5/);
    expect(formatNumber('ru', 52.5)).toBe('52,5');
    expect(formatNumber('en', 52.5)).toBe('52.5');
    expect(formatNumber('kk', 70)).toBe('70');
    expect(formatNumber('kk', 33.333)).toBe('33,33');
    expect(formatNumber('kk', -1.5)).toBe('-1,5');
    expect(formatNumber('kk', 1234.5)).toBe('1\u00a0234,5');
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
    expect(formatScore('kk', 1234.5)).toBe('1234,5');
  });
  it('has every message in Kazakh and Russian, each different from the English where it is words', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(kk[key]).toBeDefined();
      expect(ru[key]).toBeDefined();
    }
    const words = (Object.keys(en) as (keyof typeof en)[]).filter(
      (k) => typeof en[k] === 'string' && /[a-z]{3}/i.test(en[k] as string),
    );
    for (const key of words) expect([key, kk[key]]).not.toEqual([key, en[key]]);
  });
});
