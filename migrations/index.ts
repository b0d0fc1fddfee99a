import { Init1795558916679 } from './1795558916679-Init.js';
import { Live1795559395156 } from './1795559395156-Live.js';
import { Competitions1795561759697 } from './1795561759697-Competitions.js';
import { BracketRooms1795650000000 } from './1795650000000-BracketRooms.js';
import { JudgePrefixShared1796100000000 } from './1796100000000-JudgePrefixShared.js';
import { IdempotencyExpiry1796200000000 } from './1796200000000-IdempotencyExpiry.js';
import { Accounts1796400000000 } from './1796400000000-Accounts.js';
import { RegionCodes1796400000001 } from './1796400000001-RegionCodes.js';
import { CaseRooms1796600000000 } from './1796600000000-CaseRooms.js';
import { TournamentRules1796600000100 } from './1796600000100-TournamentRules.js';
import { Leagues1796600000200 } from './1796600000200-Leagues.js';
import { PoolsVenues1796700000000 } from './1796700000000-PoolsVenues.js';
import { Motions1796700000100 } from './1796700000100-Motions.js';
import { AgeGroups1796700000300 } from './1796700000300-AgeGroups.js';
import { TeamConflicts1796700000600 } from './1796700000600-TeamConflicts.js';

/** Every migration in order, as a class list (globs do not work in an ESM build). */
export const MIGRATIONS = [
  Init1795558916679,
  Live1795559395156,
  Competitions1795561759697,
  BracketRooms1795650000000,
  JudgePrefixShared1796100000000,
  IdempotencyExpiry1796200000000,
  Accounts1796400000000,
  RegionCodes1796400000001,
  CaseRooms1796600000000,
  TournamentRules1796600000100,
  Leagues1796600000200,
  PoolsVenues1796700000000,
  Motions1796700000100,
  AgeGroups1796700000300,
  TeamConflicts1796700000600,
];
