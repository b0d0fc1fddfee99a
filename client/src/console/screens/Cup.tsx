import { useState } from 'preact/hooks';
import { call } from '../api.js';
import { regionName, type Judge, type Page, type Tournament } from '../data.js';
import { t } from '../i18n.js';
import { useLive } from '../live.js';
import { confirmAction, CsvLink, ErrorLine, Link, useAction, useLoad } from '../ui.js';
import { LiveBadge } from './Tournament.js';

interface TeamName {
  teamId: string;
  teamName: string;
}
interface RegionRow {
  code: string;
  tournamentId: string | null;
  status: string;
  qualifierTeams: TeamName[];
  reserves: TeamName[];
}
interface NationalRow {
  tournamentId: string | null;
  status: string;
  championName?: string;
}
interface Qualification {
  regions: RegionRow[];
  national: NationalRow;
}
interface CupView extends Qualification {
  id: string;
  name: string;
  season: string;
  slotsPerRegion: number;
  leagues: (Qualification & { id: string; key: string; name: string })[];
}

const STATUSES = ['setup', 'prelims', 'elims', 'finished', 'not-created'] as const;
const statusName = (status: string) =>
  (STATUSES as readonly string[]).includes(status) ? t(`cup.status.${status as (typeof STATUSES)[number]}`) : status;

/**
 * Regional → national: each region's tournament with its qualifiers and who is next in line, the national round set
 * up from here, and a qualifier's withdrawal (confirmed, naming who takes the place). Live on the cup's room.
 */
export function CupScreen({ id }: { id: string }) {
  const cup = useLoad(() => call<CupView>(`/api/cups/${id}`), [id]);
  useLive('cup', id, cup.reload);
  const c = cup.data;
  if (!c) return <ErrorLine error={cup.error} />;
  const parts: Part[] = c.leagues.length
    ? c.leagues.map((l) => ({ ...l, key: l.id, leagueId: l.id, leagueKey: l.key }))
    : [{ regions: c.regions, national: c.national, key: 'cup' }];
  return (
    <section>
      <div class="title-row">
        <h1>
          {c.name} · {c.season}
        </h1>
        <LiveBadge />
      </div>
      <p class="hint">{t('cup.intro', { count: c.slotsPerRegion })}</p>
      {parts.map((part) => (
        <Part key={part.key} cup={c} part={part} onChange={cup.reload} />
      ))}
    </section>
  );
}

type Part = Qualification & { key: string; name?: string; leagueId?: string; leagueKey?: string };

function Part(props: { cup: CupView; part: Part; onChange: () => void }) {
  const { cup, part } = props;
  const prefix = `q-${part.key}`;
  const regional = part.regions.filter((r) => r.tournamentId);
  return (
    <>
      {part.name && <h2>{part.name}</h2>}
      <section aria-labelledby={`${prefix}-regions`}>
        <div class="title-row">
          <h2 id={`${prefix}-regions`}>{t('cup.regions')}</h2>
          <CsvLink href={`/api/cups/${cup.id}?format=csv${part.leagueKey ? `&league=${part.leagueKey}` : ''}`} />
        </div>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('common.region')}</th>
              <th scope="col">{t('home.status')}</th>
              <th scope="col">{t('cup.qualifiers')}</th>
              <th scope="col">{t('cup.reserves')}</th>
            </tr>
          </thead>
          <tbody>
            {regional.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  <Link href={`/console/tournaments/${r.tournamentId}`}>{regionName(r.code)}</Link>
                </th>
                <td>{statusName(r.status)}</td>
                <td>{r.qualifierTeams.map((x) => x.teamName).join(', ') || '—'}</td>
                <td>{r.reserves.map((x) => x.teamName).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <National cup={cup} part={part} onChange={props.onChange} />
    </>
  );
}

function National(props: { cup: CupView; part: Part; onChange: () => void }) {
  const { cup, part } = props;
  const nationalId = part.national.tournamentId;
  const national = useLoad(
    async () => (nationalId ? call<Tournament>(`/api/tournaments/${nationalId}`) : null),
    [nationalId, part.national.status, part.regions.map((r) => r.qualifierTeams.length).join()],
  );
  const action = useAction();
  const [notice, setNotice] = useState('');
  const regional = part.regions.filter((r) => r.tournamentId);
  const titleId = `q-${part.key}-national`;
  const regionOf = (teamId: string) =>
    part.regions.find(
      (r) => r.qualifierTeams.some((x) => x.teamId === teamId) || r.reserves.some((x) => x.teamId === teamId),
    );

  const setUp = () =>
    action.run(async () => {
      const format = (await call<Page<Tournament>>('/api/tournaments')).items.find(
        (x) => x.id === regional[0]?.tournamentId,
      )?.format;
      const made = await call<Tournament>('/api/tournaments', {
        method: 'POST',
        body: {
          name: t('cup.nationalName', { cup: cup.name }),
          level: 'national',
          cupId: cup.id,
          ...(part.leagueId ? { leagueId: part.leagueId } : {}),
          format: format ?? 'wsdc',
          prelimRounds: 0,
          breakSize: Math.max(2, regional.length * cup.slotsPerRegion),
        },
      });
      // Judges from every region sit in the national round.
      const judgeIds = (await call<Page<Judge>>('/api/judges?limit=500')).items
        .filter((j) => !j.revoked)
        .map((j) => j.id);
      if (judgeIds.length)
        await call(`/api/tournaments/${made.id}/adjudicators`, { method: 'POST', body: { judgeIds } });
      props.onChange();
    });

  const withdraw = async (team: { teamId: string; teamName: string }) => {
    // One reserve per region; with qualification by oblast there is one per oblast, and the server picks.
    const reserves = regionOf(team.teamId)?.reserves ?? [];
    const question =
      reserves.length === 1
        ? t('cup.withdrawConfirm', { team: team.teamName, next: reserves[0].teamName })
        : reserves.length
          ? t('cup.withdrawByUnit', { team: team.teamName })
          : t('cup.withdrawNoReserve', { team: team.teamName });
    if (!(await confirmAction(question, t('cup.withdraw')))) return;
    setNotice('');
    const done = await action.run(() =>
      call<{ replacement: string | null }>(`/api/tournaments/${nationalId}/withdrawals`, {
        method: 'POST',
        body: { teamId: team.teamId },
      }),
    );
    if (!done) return;
    const replacement = done.replacement
      ? (part.regions.flatMap((r) => r.reserves).find((x) => x.teamId === done.replacement)?.teamName ?? '')
      : null;
    setNotice(
      replacement !== null
        ? t('cup.replaced', { team: team.teamName, next: replacement })
        : t('cup.notReplaced', { team: team.teamName }),
    );
    props.onChange();
    national.reload();
  };

  const x = national.data;
  return (
    <section class="panel" aria-labelledby={titleId}>
      <div class="title-row">
        <h2 id={titleId}>{t('cup.national')}</h2>
        {nationalId && <CsvLink href={`/api/tournaments/${nationalId}/bracket?format=csv`} />}
      </div>
      <p>{statusName(part.national.status)}</p>
      <ErrorLine error={action.error ?? national.error} />
      {notice && (
        <p role="status" class="ok">
          {notice}
        </p>
      )}
      {!nationalId ? (
        <button type="button" class="primary" disabled={action.busy || !regional.length} onClick={() => void setUp()}>
          {t('cup.setUpNational')}
        </button>
      ) : (
        <>
          <p>
            <Link href={`/console/tournaments/${nationalId}`} class="button primary">
              {t('cup.openNational')}
            </Link>
          </p>
          {part.national.status === 'setup' && <p class="hint">{t('cup.nationalWaits')}</p>}
          {part.national.championName && (
            <p class="ok">{t('tournament.champion', { name: part.national.championName })}</p>
          )}
          {x && x.teams.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('common.region')}</th>
                  <th scope="col">{t('home.status')}</th>
                </tr>
              </thead>
              <tbody>
                {x.teams.map((e) => (
                  <tr key={e.teamId} class={e.withdrawn ? 'withdrawn' : undefined}>
                    <td>{e.teamName}</td>
                    <td>{regionName(regionOf(e.teamId)?.code ?? null) || '—'}</td>
                    <td>
                      {e.withdrawn ? (
                        t('cup.withdrawn')
                      ) : (
                        <button
                          type="button"
                          disabled={action.busy || x.status === 'finished'}
                          onClick={() => void withdraw(e)}
                        >
                          {t('cup.withdraw')}
                          <span class="sr-only"> · {e.teamName}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
