import {
  CaseChampionship,
  CaseEntry,
  CaseJuror,
  CaseScoresheet,
  CaseScoresheetAudit,
  CaseChampionshipAudit,
} from '../case-championships/case-championship.entity.js';
import { Organiser } from '../auth/organiser.entity.js';
import { CaseRoom } from '../case-championships/case-room.entity.js';
import { CaseRoomJuror } from '../case-championships/case-room-juror.entity.js';
import { CaseRoomTeam } from '../case-championships/case-room-team.entity.js';
import { Mentor } from '../mentors/mentor.entity.js';
import { IdempotencyKey } from '../common/idempotency-key.entity.js';
import { ServerSetting } from '../common/settings.entity.js';
import { Judge, JudgeCredentialAudit, JudgeJudgeConflict, JudgeTeamConflict } from '../judges/judge.entity.js';
import { LiveEvent, LiveRoom } from '../live/live-event.entity.js';
import { MacroRegion, RegionUnit } from '../regions/region.entity.js';
import { Team, TeamMember } from '../teams/team.entity.js';
import { Ballot } from '../tournaments/ballot.entity.js';
import { Cup } from '../tournaments/cup.entity.js';
import { League } from '../tournaments/league.entity.js';
import { Debate } from '../tournaments/debate.entity.js';
import { DebateAdjudicator } from '../tournaments/debate-adjudicator.entity.js';
import { DebateTeam } from '../tournaments/debate-team.entity.js';
import { Round } from '../tournaments/round.entity.js';
import { Tournament } from '../tournaments/tournament.entity.js';
import { TournamentAdjudicator } from '../tournaments/tournament-adjudicator.entity.js';
import { TournamentAudit } from '../tournaments/tournament-audit.entity.js';
import { TournamentTeam } from '../tournaments/tournament-team.entity.js';
import { RoundAvailability } from '../tournaments/round-availability.entity.js';
import { Venue } from '../tournaments/venue.entity.js';
import { TournamentTeamConflict } from '../tournaments/team-conflict.entity.js';

/** Every entity, as a class list: globs do not work in an ESM build. */
export const ENTITIES = [
  MacroRegion,
  RegionUnit,
  Organiser,
  ServerSetting,
  IdempotencyKey,
  Mentor,
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
  CaseChampionshipAudit,
  CaseRoom,
  CaseRoomTeam,
  CaseRoomJuror,
  Cup,
  League,
  Tournament,
  TournamentTeam,
  TournamentAdjudicator,
  Round,
  Debate,
  DebateTeam,
  DebateAdjudicator,
  Ballot,
  TournamentAudit,
  Venue,
  RoundAvailability,
  TournamentTeamConflict,
];
