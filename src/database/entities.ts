import {
  CaseChampionship,
  CaseEntry,
  CaseJuror,
  CaseScoresheet,
  CaseScoresheetAudit,
} from '../case-championships/case-championship.entity.js';
import { Organiser } from '../auth/organiser.entity.js';
import { IdempotencyKey } from '../common/idempotency-key.entity.js';
import { ServerSetting } from '../common/settings.entity.js';
import { Judge, JudgeCredentialAudit, JudgeJudgeConflict, JudgeTeamConflict } from '../judges/judge.entity.js';
import { LiveEvent, LiveRoom } from '../live/live-event.entity.js';
import { MacroRegion, RegionUnit } from '../regions/region.entity.js';
import { Team, TeamMember } from '../teams/team.entity.js';
import {
  Ballot,
  Cup,
  Debate,
  DebateAdjudicator,
  DebateTeam,
  Round,
  Tournament,
  TournamentAdjudicator,
  TournamentAudit,
  TournamentTeam,
} from '../tournaments/tournament.entity.js';

/** Every entity, as a class list: globs do not work in an ESM build. */
export const ENTITIES = [
  MacroRegion,
  RegionUnit,
  Organiser,
  ServerSetting,
  IdempotencyKey,
  Team,
  TeamMember,
  Judge,
  JudgeTeamConflict,
  JudgeJudgeConflict,
  JudgeCredentialAudit,
  LiveRoom,
  LiveEvent,
  CaseChampionship,
  CaseEntry,
  CaseJuror,
  CaseScoresheet,
  CaseScoresheetAudit,
  Cup,
  Tournament,
  TournamentTeam,
  TournamentAdjudicator,
  Round,
  Debate,
  DebateTeam,
  DebateAdjudicator,
  Ballot,
  TournamentAudit,
];
