/** A juror and a team, as sheets and conflicts name them. */
export interface JurorTeamPair {
  judgeId: string;
  teamId: string;
}

export interface UnscoredInput {
  /** The jurors who score this stage, in the order to report them. */
  jurorIds: string[];
  /** The teams of this stage, in the order to report them. */
  teamIds: string[];
  /** Sheets of this stage. */
  sheets: JurorTeamPair[];
  /** A conflicted juror never scores the team: not a missing sheet. */
  conflicts: JurorTeamPair[];
}

/**
 * Every juror's teams still without a sheet from them: the work a finalise would leave undone. Jurors with nothing
 * missing are left out; teams keep the order given.
 */
export function unscoredByJuror(input: UnscoredInput): { judgeId: string; teamIds: string[] }[] {
  const done = new Set([...input.sheets, ...input.conflicts].map((p) => `${p.judgeId}\n${p.teamId}`));
  return input.jurorIds
    .map((judgeId) => ({ judgeId, teamIds: input.teamIds.filter((teamId) => !done.has(`${judgeId}\n${teamId}`)) }))
    .filter((juror) => juror.teamIds.length > 0);
}
