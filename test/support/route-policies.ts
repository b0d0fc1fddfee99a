/**
 * Who may call each route. A route missing here fails the authorization test, so a new route cannot be added
 * without deciding its policy. Roles are columns of ALLOWED: a new organiser role is a new principal there.
 */
export type Policy = 'public' | 'organiser' | 'judge' | 'panel';

export const ROUTE_POLICIES: Record<string, Policy> = {
  'GET /api/health': 'public',
  'GET /api/formats': 'public',
  'GET /api/formats/{key}': 'public',
  'GET /api/settings/privacy': 'organiser',
  'PUT /api/settings/privacy': 'organiser',
  'GET /api/regions': 'public',
  'GET /api/regions/{code}': 'public',
  'POST /api/teams': 'organiser',
  'GET /api/teams': 'public',
  'GET /api/teams/{id}': 'public',
  'PATCH /api/teams/{id}': 'organiser',
  'DELETE /api/teams/{id}': 'organiser',
  'POST /api/judges': 'organiser',
  'GET /api/judges': 'organiser',
  'GET /api/judges/{id}': 'organiser',
  'PATCH /api/judges/{id}': 'organiser',
  'POST /api/judges/{id}/judge-conflicts': 'organiser',
  'POST /api/judges/{id}/conflicts': 'organiser',
  'POST /api/auth/login': 'public',
  'POST /api/auth/judge': 'public',
  'POST /api/case-championships': 'organiser',
  'GET /api/case-championships': 'public',
  'GET /api/case-championships/{id}': 'public',
  'PATCH /api/case-championships/{id}/options': 'organiser',
  'POST /api/case-championships/{id}/entries': 'organiser',
  'POST /api/case-championships/{id}/jury': 'organiser',
  'POST /api/case-championships/{id}/start-scoring': 'organiser',
  'PUT /api/case-championships/{id}/scoresheets/{teamId}': 'panel',
  'GET /api/case-championships/{id}/assignments': 'panel',
  'GET /api/case-championships/{id}/scoresheets': 'organiser',
  'GET /api/case-championships/{id}/audit': 'organiser',
  'GET /api/case-championships/{id}/standings': 'public',
  'GET /api/case-championships/{id}/standings/export': 'public',
  'GET /api/case-championships/{id}/diagnostics': 'organiser',
  'GET /api/case-championships/{id}/progress': 'organiser',
  'POST /api/case-championships/{id}/finalise': 'organiser',
  'POST /api/case-championships/{id}/freeze': 'organiser',
  'POST /api/case-championships/{id}/reveal': 'organiser',
  'POST /api/case-championships/{id}/unfreeze': 'organiser',
  'POST /api/cups': 'organiser',
  'GET /api/cups': 'public',
  'GET /api/cups/{id}': 'public',
  'POST /api/tournaments': 'organiser',
  'GET /api/tournaments': 'public',
  'GET /api/tournaments/{id}': 'public',
  'POST /api/tournaments/{id}/teams': 'organiser',
  'POST /api/tournaments/{id}/adjudicators': 'organiser',
  'POST /api/tournaments/{id}/withdrawals': 'organiser',
  'POST /api/tournaments/{id}/rounds': 'organiser',
  'GET /api/tournaments/{id}/rounds': 'public',
  'GET /api/tournaments/{id}/rounds/{seq}': 'public',
  'GET /api/tournaments/{id}/rounds/{seq}/ballots': 'organiser',
  'POST /api/tournaments/{id}/rounds/{seq}/release': 'organiser',
  'POST /api/tournaments/{id}/rounds/{seq}/regenerate': 'organiser',
  'POST /api/tournaments/{id}/rounds/{seq}/reveal': 'organiser',
  'GET /api/tournaments/{id}/standings': 'public',
  'GET /api/tournaments/{id}/speakers': 'public',
  'GET /api/tournaments/{id}/bracket': 'public',
  'GET /api/tournaments/{id}/audit': 'organiser',
  'GET /api/debates/mine': 'judge',
  'GET /api/debates/{id}': 'public',
  'POST /api/debates/{id}/ballots': 'panel',
  'POST /api/debates/{id}/confirm': 'organiser',
  'POST /api/debates/{id}/corrections': 'organiser',
  'POST /api/debates/{id}/iron': 'organiser',
  'POST /api/teams/import': 'organiser',
  'POST /api/judges/import': 'organiser',
  'POST /api/judges/links.csv': 'organiser',
  'POST /api/judges/{id}/credentials': 'organiser',
  'POST /api/judges/{id}/revoke': 'organiser',
  'GET /api/judges/{id}/credentials/audit': 'organiser',
  'POST /api/mentors': 'organiser',
  'GET /api/mentors': 'organiser',
  'GET /api/mentors/{id}': 'organiser',
  'POST /api/mentors/{id}/teams': 'organiser',
  'DELETE /api/mentors/{id}/teams/{teamId}': 'organiser',
  'POST /api/auth/password': 'organiser',
  'POST /api/organisers': 'organiser',
  'GET /api/organisers': 'organiser',
  'POST /api/organisers/{id}/deactivate': 'organiser',
  'POST /api/organisers/{id}/activate': 'organiser',
  'POST /api/case-championships/{id}/rooms': 'organiser',
  'GET /api/case-championships/{id}/rooms': 'public',
  'POST /api/case-championships/{id}/rooms/moves': 'organiser',
  'POST /api/case-championships/{id}/advance': 'organiser',
  'POST /api/cups/{id}/leagues': 'organiser',
  'GET /api/me/work': 'judge',
};

/** The callers every route is tried as. */
export type Caller = 'anonymous' | 'judgeOfThis' | 'judgeOfOther' | 'organiser';
export const CALLERS: Caller[] = ['anonymous', 'judgeOfOther', 'judgeOfThis', 'organiser'];

/** Policy × caller: allowed through authorization (any answer but 401/403) or not. */
export const ALLOWED: Record<Policy, Record<Caller, boolean>> = {
  public: { anonymous: true, judgeOfThis: true, judgeOfOther: true, organiser: true },
  organiser: { anonymous: false, judgeOfThis: false, judgeOfOther: false, organiser: true },
  judge: { anonymous: false, judgeOfThis: true, judgeOfOther: true, organiser: false },
  // Only the judge on this debate's panel (this championship's jury).
  panel: { anonymous: false, judgeOfThis: true, judgeOfOther: false, organiser: false },
};

/** A body that passes validation where the decision needs one (panel membership is checked by the service). */
export const PROBE_BODIES: Record<string, (w: { teamIds: string[] }) => unknown> = {
  'POST /api/debates/{id}/ballots': (w) => ({
    teams: [
      { teamId: w.teamIds[0], speeches: [] },
      { teamId: w.teamIds[1], speeches: [] },
    ],
  }),
  'PUT /api/case-championships/{id}/scoresheets/{teamId}': () => ({ scores: {} }),
};
