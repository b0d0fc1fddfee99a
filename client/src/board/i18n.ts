import { translator, type Catalogues } from '../shared/i18n.js';
import { en, type BoardKey } from './messages/en.js';
import { kk } from './messages/kk.js';
import { ru } from './messages/ru.js';

const CATALOGUES: Catalogues<BoardKey> = { kk, ru, en };

/** The board's words (messages/*.ts), Kazakh unless the device chose another language. */
export const t = translator(CATALOGUES);
export type { BoardKey };
