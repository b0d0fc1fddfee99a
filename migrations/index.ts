import { Init1795558916679 } from './1795558916679-Init.js';
import { Live1795559395156 } from './1795559395156-Live.js';
import { Competitions1795561759697 } from './1795561759697-Competitions.js';
import { BracketRooms1795650000000 } from './1795650000000-BracketRooms.js';
import { JudgePrefixShared1796100000000 } from './1796100000000-JudgePrefixShared.js';

/** Every migration in order, as a class list (globs do not work in an ESM build). */
export const MIGRATIONS = [Init1795558916679, Live1795559395156, Competitions1795561759697, BracketRooms1795650000000, JudgePrefixShared1796100000000];
