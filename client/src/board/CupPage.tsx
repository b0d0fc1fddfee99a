import { pick } from '../shared/i18n.js';
import { Bracket } from './Bracket.js';
import { Loading, flashed, roundLabel, statusLabel } from './common.js';
import { t } from './i18n.js';
import { follow } from './live-board.js';
import { applyCup, cupSnapshot } from './state.js';
import { followTournament } from './TournamentPage.js';
import type { CupBoard, CupNationalRow, CupRegionRow } from './types.js';

const followCup = (id: string) => follow('cup', id, cupSnapshot, applyCup);

function Stage(props: { board: CupBoard; tournamentId: string | null }) {
  const stage = props.board.tournaments.find((x) => x.tournamentId === props.tournamentId);
  if (!props.tournamentId || !stage) return <span class="muted">{t('cup.noTournament')}</span>;
  return (
    <span class={flashed(`t:${props.tournamentId}`)}>
      <a href={`/board/tournament/${props.tournamentId}`}>{stage.name}</a>
      <br />
      <small>
        {statusLabel(stage.status)}
        {stage.round && stage.status !== 'finished' && ` · ${roundLabel(stage.round)}`}
      </small>
    </span>
  );
}

/** One card per region (a table would not fit a phone): its tournament's stage and its qualifiers. */
function Regions(props: { board: CupBoard; rows: CupRegionRow[]; caption: string }) {
  const { board } = props;
  const names = new Map(board.regions.map((r) => [r.code, r.name]));
  return (
    <ul class="regions" aria-label={`${props.caption}: ${t('cup.regions')}`}>
      {props.rows.map((r) => (
        <li key={r.code} class={`region${flashed(`region:${r.code}`)}`} data-region={r.code}>
          <h3>{names.has(r.code) ? pick(names.get(r.code)!) : r.code}</h3>
          <p>
            <Stage board={board} tournamentId={r.tournamentId} />
          </p>
          <p class="muted small">{t('cup.qualifiers')}</p>
          {r.qualifiers.length ? (
            <ol class="inline">
              {r.qualifiers.map((id) => (
                <li key={id}>{board.teamNames[id] ?? '—'}</li>
              ))}
            </ol>
          ) : (
            <p class="muted">{t('cup.noQualifiers')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The national round: its stage, and its bracket followed live from its own tournament room. */
function National(props: { board: CupBoard; national: CupNationalRow }) {
  const { board, national } = props;
  const tournament = national.tournamentId ? followTournament(national.tournamentId).value : null;
  return (
    <section class={flashed('national')}>
      <h3>{t('cup.national')}</h3>
      <p>
        <Stage board={board} tournamentId={national.tournamentId} />
      </p>
      {national.champion && (
        <p class="champion">
          {t('cup.champion')}:{' '}
          {board.teamNames[national.champion] ??
            tournament?.tournament.teams.find((x) => x.teamId === national.champion)?.teamName}
        </p>
      )}
      {tournament && (
        <Bracket
          bracket={tournament.bracket}
          names={new Map(tournament.tournament.teams.map((x) => [x.teamId, x.teamName]))}
        />
      )}
    </section>
  );
}

export function CupPage(props: { id: string }) {
  const board = followCup(props.id).value;
  if (!board) return <Loading />;
  const { cup } = board;
  const plain = cup.leagues.length === 0 || cup.regions.some((r) => r.tournamentId) || cup.national.tournamentId;
  return (
    <>
      <h1>{cup.name}</h1>
      <p class="muted">{cup.season}</p>
      {plain && (
        <section>
          <Regions board={board} rows={cup.regions} caption={cup.name} />
          <National board={board} national={cup.national} />
        </section>
      )}
      {cup.leagues.map((league) => (
        <section key={league.id}>
          <h2>{league.name}</h2>
          <Regions board={board} rows={league.regions} caption={league.name} />
          <National board={board} national={league.national} />
        </section>
      ))}
    </>
  );
}
