import { describe, expect, it } from '@jest/globals';
import { initials } from './privacy.service.js';

describe('initials', () => {
  it.each([
    ['Әлия Серікқызы', 'Ә. С.'],
    ['  Nurlan   abdikov ', 'N. A.'],
    ['Анна-Мария Ли', 'А. М. Л.'],
    ['Ömer', 'Ö.'],
  ])('%s → %s', (name, expected) => expect(initials(name)).toBe(expected));
});
