/**
 * Names for a demo season: teams, people and schools as a Kazakh-medium or a Russian-medium league would have
 * them. A league is data here, so a set-up function takes it as one parameter.
 */
export type LeagueCode = 'kk' | 'ru';

export interface League {
  code: LeagueCode;
  /** Shown in tournament titles. */
  title: string;
  teamNames: readonly string[];
  givenNames: { male: readonly string[]; female: readonly string[] };
  /** Surname stems taking -а for women; stems ending in `*` are the same for both (Ким, Ли). */
  surnames: readonly string[];
  school: (n: number, city: string) => string;
  university: (city: string) => string;
  regionTitle: Record<string, string>;
  cupName: string;
  championshipTitle: string;
}

export const KAZAKH_LEAGUE: League = {
  code: 'kk',
  title: 'Қазақ тілді лига',
  teamNames: [
    'Қыран',
    'Тұлпар',
    'Жұлдыз',
    'Бәйтерек',
    'Алтай',
    'Сұңқар',
    'Ақжол',
    'Шаңырақ',
    'Жігер',
    'Толқын',
    'Арман',
    'Нұр',
    'Самұрық',
    'Көкжиек',
    'Дала үні',
    'Өркен',
    'Ақниет',
    'Мұрагер',
    'Айбын',
    'Ұшқын',
    'Бірлік',
    'Талпын',
    'Жалын',
    'Сарыарқа',
  ],
  givenNames: {
    male: [
      'Айбек',
      'Нұрлан',
      'Ерлан',
      'Дәурен',
      'Асқар',
      'Бауыржан',
      'Тимур',
      'Санжар',
      'Ержан',
      'Әлихан',
      'Нұрсұлтан',
      'Ақжол',
    ],
    female: [
      'Айгерім',
      'Динара',
      'Әсел',
      'Жансая',
      'Мадина',
      'Аружан',
      'Ақбота',
      'Ұлжан',
      'Дана',
      'Томирис',
      'Інжу',
      'Гүлназ',
    ],
  },
  surnames: [
    'Сейітов',
    'Жұмабаев',
    'Оспанов',
    'Қасымов',
    'Тоқтаров',
    'Мұқанов',
    'Ахметов',
    'Серікбаев',
    'Бейсенов',
    'Әбенов',
    'Нұрпейісов',
    'Омаров',
  ],
  school: (n, city) => `${city} қаласының №${n} мектеп-гимназиясы`,
  university: (city) => `${city} университеті`,
  regionTitle: { south: 'Оңтүстік', north: 'Солтүстік', west: 'Батыс', central: 'Орталық', east: 'Шығыс' },
  cupName: 'AMANAT Cup',
  championshipTitle: 'Жастар мәселесі жастар көзімен',
};

export const RUSSIAN_LEAGUE: League = {
  code: 'ru',
  title: 'Русскоязычная лига',
  teamNames: [
    'Эрудит',
    'Аргумент',
    'Логос',
    'Вектор',
    'Диалог',
    'Гамбит',
    'Полемика',
    'Катарсис',
    'Ракурс',
    'Фокус',
    'Созвездие',
    'Перспектива',
    'Паритет',
    'Квант',
    'Меридиан',
    'Импульс',
    'Контекст',
    'Тезис',
    'Риторика',
    'Орбита',
    'Степной ветер',
    'Северное сияние',
    'Формула',
    'Горизонт',
  ],
  givenNames: {
    male: [
      'Алексей',
      'Дмитрий',
      'Иван',
      'Сергей',
      'Никита',
      'Артём',
      'Максим',
      'Денис',
      'Руслан',
      'Вадим',
      'Егор',
      'Кирилл',
    ],
    female: [
      'Анна',
      'Екатерина',
      'Мария',
      'Ольга',
      'Полина',
      'Дарья',
      'Алина',
      'Виктория',
      'Софья',
      'Ксения',
      'Юлия',
      'Елена',
    ],
  },
  surnames: [
    'Иванов',
    'Ким*',
    'Петров',
    'Смирнов',
    'Ли*',
    'Павлов',
    'Кузнецов',
    'Волков',
    'Соколов',
    'Морозов',
    'Цой*',
    'Белов',
  ],
  school: (n, city) => `Гимназия №${n} г. ${city}`,
  university: (city) => `Университет г. ${city}`,
  regionTitle: { south: 'Юг', north: 'Север', west: 'Запад', central: 'Центр', east: 'Восток' },
  cupName: 'AMANAT Cup',
  championshipTitle: 'Жастар мәселесі жастар көзімен',
};

export const LEAGUES: Record<LeagueCode, League> = { kk: KAZAKH_LEAGUE, ru: RUSSIAN_LEAGUE };

/** A small seeded generator (mulberry32): names and abilities come from the demo's `--seed`. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function personName(league: League, rand: () => number): string {
  const female = rand() < 0.5;
  const given = female ? league.givenNames.female : league.givenNames.male;
  const first = given[Math.floor(rand() * given.length)];
  const stem = league.surnames[Math.floor(rand() * league.surnames.length)];
  const surname = stem.endsWith('*') ? stem.slice(0, -1) : female ? `${stem}а` : stem;
  return `${surname} ${first}`;
}
