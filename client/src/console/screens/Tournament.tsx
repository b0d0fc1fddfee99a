import { useState } from 'preact/hooks';
import { liveConnected } from '../../shared/live.js';
import { call } from '../api.js';
import {
  regionName,
  type Bracket,
  type Judge,
  type Page,
  type Round,
  type Team,
  type TeamRow,
  type Tournament,
} from '../data.js';
import { t } from '../i18n.js';
import { useLive } from '../live.js';
import { go } from '../router.js';
import { CsvLink, ErrorLine, Link, useAction, useLoad } from '../ui.js';

const TIE_BREAKS = [
  'points',
  'wins',
  'ballots',
  'speakerTotal',
  'speakerAverage',
  'drawStrength',
  'margin',
  'headToHead',
] as const;
const tieBreaks = (x: Tournament) =>
  (x.tabRules.teamTieBreaks ?? [])
    .map((key) =>
      (TIE_BREAKS as readonly string[]).includes(key) ? t(`tournament.tb.${key as (typeof TIE_BREAKS)[number]}`) : key,
    )
    .join(', ');
const STATUSES = ['setup', 'prelims', 'elims', 'finished'] as const;
const statusName = (status: string) =>
  (STATUSES as readonly string[]).includes(status)
    ? t(`tournament.status.${status as (typeof STATUSES)[number]}`)
    : status;

export function LiveBadge() {
  return (
    <span class={liveConnected.value ? 'live on' : 'live'} role="status">
      {liveConnected.value ? t('common.live') : t('common.offline')}
    </span>
  );
}

/** One tournament: its field and panel pool, the rounds, the tabs with their exports, the break and bracket (live). */
export function TournamentScreen({ id }: { id: string }) {
  const tournament = useLoad(() => call<Tournament>(`/api/tournaments/${id}`), [id]);
  const rounds = useLoad(() => call<Page<Round>>(`/api/tournaments/${id}/rounds`), [id]);
  const standings = useLoad(async () => (await call<Page<TeamRow>>(`/api/tournaments/${id}/standings`)).items, [id]);
  const bracket = useLoad(() => call<Bracket>(`/api/tournaments/${id}/bracket`), [id]);
  useLive('tournament', id, () => {
    tournament.reload();
    rounds.reload();
    standings.reload();
    bracket.reload();
  });
  const [motion, setMotion] = useState('');
  const action = useAction();
  const x = tournament.data;
  const next = (rounds.data?.items.length ?? 0) + 1;
  const names = new Map(x?.teams.map((e) => [e.teamId, e.teamName]) ?? []);

  const enterRegionTeams = () =>
    x &&
    action.run(async () => {
      const all = await call<Page<Team>>(`/api/teams?regionCode=${x.regionCode ?? ''}&limit=500`);
      const entered = new Set(x.teams.map((e) => e.teamId));
      for (const team of all.items.filter((team) => !entered.has(team.id)))
        await call(`/api/tournaments/${id}/teams`, { method: 'POST', body: { teamId: team.id } });
      tournament.reload();
    });
  const addRegionJudges = () =>
    x &&
    action.run(async () => {
      const all = await call<Page<Judge>>(`/api/judges?regionCode=${x.regionCode ?? ''}&limit=500`);
      const judgeIds = all.items.filter((j) => !x.adjudicators.includes(j.id)).map((j) => j.id);
      if (judgeIds.length) await call(`/api/tournaments/${id}/adjudicators`, { method: 'POST', body: { judgeIds } });
      tournament.reload();
    });
  const generate = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const round = await call<Round>(`/api/tournaments/${id}/rounds`, {
        method: 'POST',
        body: motion.trim() ? { motion: motion.trim() } : {},
      });
      go(`/console/tournaments/${id}/rounds/${round.seq}`);
    });
  };

  if (!x) return <ErrorLine error={tournament.error} />;
  return (
    <section>
      <div class="title-row">
        <h1>{x.name}</h1>
        <LiveBadge />
      </div>
      <p>
        {regionName(x.regionCode)} · {x.format.toUpperCase()} · {statusName(x.status)}
        {x.cupId && (
          <>
            {' · '}
            <Link href={`/console/cups/${x.cupId}`}>{t('tournament.toCup')}</Link>
          </>
        )}
      </p>
      <ErrorLine error={action.error} />
      <div class="columns">
        <section class="panel" aria-labelledby="field-title">
          <h2 id="field-title">{t('tournament.teams')}</h2>
          <p>{t('tournament.entered', { count: x.teams.length })}</p>
          {/* A national round's field comes from the regions' qualifiers (the cup screen), never a region's list. */}
          {x.level === 'regional' && (
            <button type="button" disabled={action.busy} onClick={() => void enterRegionTeams()}>
              {t('tournament.addRegionTeams')}
            </button>
          )}
          <ul class="compact">
            {x.teams.map((e) => (
              <li key={e.teamId}>{e.teamName}</li>
            ))}
          </ul>
        </section>
        <section class="panel" aria-labelledby="pool-title">
          <h2 id="pool-title">{t('tournament.judges')}</h2>
          <p>{t('tournament.adjudicators', { count: x.adjudicators.length })}</p>
          {x.level === 'regional' && (
            <button type="button" disabled={action.busy} onClick={() => void addRegionJudges()}>
              {t('tournament.addRegionJudges')}
            </button>
          )}
        </section>
      </div>
      <section aria-labelledby="rounds-title">
        <h2 id="rounds-title">{t('tournament.rounds')}</h2>
        {rounds.data?.items.length === 0 && <p>{t('tournament.noRounds')}</p>}
        <ul>
          {rounds.data?.items.map((r) => (
            <li key={r.seq}>
              <Link href={`/console/tournaments/${id}/rounds/${r.seq}`}>
                {r.kind === 'prelim' || !r.name ? t('round.title', { seq: r.seq }) : r.name}
              </Link>{' '}
              · {t(`round.status.${r.status}`)}
            </li>
          ))}
        </ul>
        {x.status !== 'finished' && (
          <form class="row" onSubmit={generate}>
            <label>
              {t('tournament.motion')}
              <input value={motion} maxLength={1000} onInput={(e) => setMotion((e.target as HTMLInputElement).value)} />
            </label>
            <button type="submit" class="primary" disabled={action.busy}>
              {t('tournament.generate', { seq: next })}
            </button>
            <Link href={`/console/tournaments/${id}/rounds/${next}/check-in`} class="button">
              {t('checkin.title', { seq: next })}
            </Link>
          </form>
        )}
      </section>
      <section aria-labelledby="tab-title">
        <div class="title-row">
          <h2 id="tab-title">{t('tournament.standings')}</h2>
          <CsvLink href={`/api/tournaments/${id}/standings?format=csv`} />
          <a class="csv" href={`/api/tournaments/${id}/speakers?format=csv`} download>
            {t('tournament.speakers')} · CSV
          </a>
        </div>
        <ErrorLine error={standings.error} />
        {standings.data && standings.data.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('tournament.rank')}</th>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('tournament.points')}</th>
                <th scope="col">{t('tournament.speakerTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {standings.data.map((row) => (
                <tr key={row.teamId} class={row.rank <= x.breakSize ? 'breaking' : undefined}>
                  <td>{row.rank}</td>
                  <td>{row.teamName}</td>
                  <td>{row.points}</td>
                  <td>{row.speakerTotal}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p class="hint">
          {t('tournament.break')}:{' '}
          {t('tournament.breakRule', {
            count: x.breakSize,
            rules: tieBreaks(x),
          })}
        </p>
      </section>
      {x.breakReport?.seeds && (
        <section class="panel" aria-labelledby="break-title">
          <h2 id="break-title">{t('tournament.break')}</h2>
          <p>
            {t('tournament.breakRule', {
              count: x.breakSize,
              rules: tieBreaks(x),
            })}
          </p>
          <h3>{t('tournament.seeds')}</h3>
          <ol class="compact">
            {x.breakReport.seeds.map((team) => (
              <li key={team}>{names.get(team) ?? team}</li>
            ))}
          </ol>
          <p class={x.breakReport.cutoffTie ? 'warn' : 'hint'}>
            {x.breakReport.cutoffTie
              ? t('tournament.cutoffTie', {
                  teams: x.breakReport.cutoffTie.teamIds.map((team) => names.get(team) ?? team).join(', '),
                  points: x.breakReport.cutoffTie.points,
                  rule: x.breakReport.cutoffTie.decidedBy,
                })
              : t('tournament.noCutoffTie')}
          </p>
        </section>
      )}
      <section aria-labelledby="bracket-title">
        <div class="title-row">
          <h2 id="bracket-title">{t('tournament.bracket')}</h2>
          <CsvLink href={`/api/tournaments/${id}/bracket?format=csv`} />
        </div>
        {!bracket.data || bracket.data.rounds.length === 0 ? (
          <p class="hint">{t('tournament.noBracket')}</p>
        ) : (
          <div class="bracket">
            {bracket.data.rounds.map((r) => (
              <div class="bracket-round" key={r.name}>
                <h3>{r.name}</h3>
                <ul>
                  {r.debates.map((d) => (
                    <li key={d.id}>
                      {d.teamIds.map((team, i) => (
                        <span key={i} class={team && team === d.winnerTeamId ? 'winner' : undefined}>
                          {d.seeds[i] ? `(${d.seeds[i]}) ` : ''}
                          {team ? (names.get(team) ?? team) : '—'}
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
        {bracket.data?.champion && (
          <p class="ok">{t('tournament.champion', { name: names.get(bracket.data.champion) ?? '' })}</p>
        )}
      </section>
    </section>
  );
}
