import { useState } from 'preact/hooks';
import { call } from '../api.js';
import { regionName, type Judge, type Page, type Team, type Tournament } from '../data.js';
import { t, type ConsoleKey } from '../i18n.js';
import { OUTLIER_AGREEMENT, OUTLIER_POINTS, standsOut } from '../jury.js';
import { useLive } from '../live.js';
import { confirmAction, CsvLink, ErrorLine, useAction, useLoad } from '../ui.js';
import { LiveBadge } from './Tournament.js';

interface Championship {
  id: string;
  title: string;
  regionCode: string;
  status: 'draft' | 'scoring' | 'finalised';
  qualifierSlots: number;
  reveal: { frozen: boolean; revealed: number };
  entries: { teamId: string; teamName: string }[];
  jury: string[];
  qualifiers: string[];
  version: number;
}
interface Progress {
  jurors: { judgeId: string; fullName: string; done: number; due: number }[];
  teams: { teamId: string; teamName: string }[];
  cells: { judgeId: string; teamId: string; state: 'scored' | 'due' | 'conflict'; conflict: string | null }[];
}
interface JurorReport {
  judgeId: string;
  fullName: string;
  sheets: number;
  meanTotal: number;
  standardDeviation: number;
  meanDeviation: number | null;
  agreement: number | null;
}
interface Standings {
  rows: {
    rank: number | null;
    teamId: string | null;
    teamName: string | null;
    total: number | null;
    qualified: boolean | null;
  }[];
}

const REASONS: Record<string, ConsoleKey> = {
  declared: 'conflict.declared',
  'same-institution': 'conflict.sameInstitution',
  mentor: 'conflict.mentor',
};
const reason = (code: string | null) => (code && REASONS[code] ? t(REASONS[code]) : (code ?? ''));

const round1 = (n: number | null) => (n === null ? '—' : String(Math.round(n * 10) / 10));

/**
 * A case championship from entries to qualifiers: the jury with its conflicts, scoring started, the juror × team
 * grid filling in live, the diagnostics (a juror far from the rest flagged), the public board frozen and revealed,
 * finalised, and the qualifiers entered into the region's tournament.
 */
export function ChampionshipScreen({ id }: { id: string }) {
  const view = useLoad(() => call<Championship>(`/api/case-championships/${id}`), [id]);
  const progress = useLoad(() => call<Progress>(`/api/case-championships/${id}/progress`), [id]);
  const diagnostics = useLoad(
    async () => (await call<Page<JurorReport>>(`/api/case-championships/${id}/diagnostics`)).items,
    [id],
  );
  const standings = useLoad(() => call<Standings>(`/api/case-championships/${id}/standings`), [id]);
  const c = view.data;
  const judges = useLoad(
    async () => (c ? (await call<Page<Judge>>(`/api/judges?regionCode=${c.regionCode}&limit=500`)).items : []),
    [c?.regionCode],
  );
  const tournaments = useLoad(
    async () =>
      c ? (await call<Page<Tournament>>('/api/tournaments')).items.filter((x) => x.regionCode === c.regionCode) : [],
    [c?.regionCode],
  );
  const reloadAll = () => {
    view.reload();
    progress.reload();
    diagnostics.reload();
    standings.reload();
  };
  useLive('championship', id, reloadAll);
  const action = useAction();
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [target, setTarget] = useState('');
  const [notice, setNotice] = useState('');
  if (!c) return <ErrorLine error={view.error} />;
  const jury = chosen ?? c.jury;
  const teamName = (teamId: string) => c.entries.find((e) => e.teamId === teamId)?.teamName ?? teamId;

  const write = async (path: string, body?: unknown) => {
    await action.run(() => call(path, { method: 'POST', body }));
    reloadAll();
  };
  const enterRegion = () =>
    action.run(async () => {
      const teams = await call<Page<Team>>(`/api/teams?regionCode=${c.regionCode}&limit=500`);
      const entered = new Set(c.entries.map((e) => e.teamId));
      for (const team of teams.items.filter((x) => !entered.has(x.id)))
        await call(`/api/case-championships/${id}/entries`, { method: 'POST', body: { teamId: team.id } });
      reloadAll();
    });
  const seat = () => write(`/api/case-championships/${id}/jury`, { judgeIds: jury });
  const start = async () => {
    if (await confirmAction(t('case.startConfirm'), t('case.start')))
      await write(`/api/case-championships/${id}/start-scoring`);
  };
  const finalise = async () => {
    if (await confirmAction(t('case.finaliseConfirm'), t('case.finalise')))
      await write(`/api/case-championships/${id}/finalise`);
  };
  const unfreeze = async () => {
    if (await confirmAction(t('case.unfreezeConfirm'), t('case.unfreeze')))
      await write(`/api/case-championships/${id}/unfreeze?version=${c.version}`);
  };
  const freeze = async () => {
    if (await confirmAction(t('case.freezeConfirm'), t('case.freeze')))
      await write(`/api/case-championships/${id}/freeze?version=${c.version}`);
  };
  const reveal = async () => {
    if (await confirmAction(t('case.revealConfirm'), t('case.reveal')))
      await write(`/api/case-championships/${id}/reveal?version=${c.version}`);
  };
  const enterQualifiers = () =>
    action.run(async () => {
      await call(`/api/tournaments/${target}/teams`, { method: 'POST', body: { fromCaseChampionshipId: id } });
      setNotice(t('case.entered', { name: tournaments.data?.find((x) => x.id === target)?.name ?? '' }));
    });

  const cell = (judgeId: string, teamId: string) =>
    progress.data?.cells.find((x) => x.judgeId === judgeId && x.teamId === teamId);

  return (
    <section>
      <div class="title-row">
        <h1>{c.title}</h1>
        <LiveBadge />
      </div>
      <p>
        {regionName(c.regionCode)} · {t(`case.status.${c.status}`)}
      </p>
      <ErrorLine error={action.error} />
      {notice && (
        <p role="status" class="ok">
          {notice}
        </p>
      )}
      <div class="columns">
        <section class="panel" aria-labelledby="entries-title">
          <h2 id="entries-title">{t('case.entries')}</h2>
          <p>{t('tournament.entered', { count: c.entries.length })}</p>
          {c.status === 'draft' && (
            <button type="button" disabled={action.busy} onClick={() => void enterRegion()}>
              {t('case.enterRegion')}
            </button>
          )}
        </section>
        <section class="panel" aria-labelledby="jury-title">
          <h2 id="jury-title">{t('case.jury')}</h2>
          <ul class="plain">
            {(judges.data ?? []).map((judge) => {
              const conflicts = (progress.data?.cells ?? []).filter(
                (x) => x.judgeId === judge.id && x.state === 'conflict',
              );
              return (
                <li key={judge.id}>
                  <label class="check">
                    <input
                      type="checkbox"
                      disabled={c.status !== 'draft'}
                      checked={jury.includes(judge.id)}
                      onChange={() =>
                        setChosen(jury.includes(judge.id) ? jury.filter((x) => x !== judge.id) : [...jury, judge.id])
                      }
                    />
                    {judge.fullName}
                  </label>
                  {c.jury.includes(judge.id) && (
                    <span class={conflicts.length ? 'warn' : 'hint'}>
                      {' '}
                      {conflicts.length
                        ? t('case.juryConflicts', {
                            teams: conflicts.map((x) => `${teamName(x.teamId)} (${reason(x.conflict)})`).join(', '),
                          })
                        : t('case.noConflicts')}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {c.status === 'draft' && (
            <div class="actions">
              <button type="button" disabled={action.busy || jury.length === 0} onClick={() => void seat()}>
                {t('case.seatJury')}
              </button>
              <button
                type="button"
                class="primary"
                disabled={action.busy || c.jury.length === 0 || c.entries.length === 0}
                onClick={() => void start()}
              >
                {t('case.start')}
              </button>
            </div>
          )}
        </section>
      </div>
      {progress.data && progress.data.jurors.length > 0 && (
        <section aria-labelledby="progress-title">
          <h2 id="progress-title">{t('case.progress')}</h2>
          <div class="scroll">
            <table class="grid">
              <thead>
                <tr>
                  <th scope="col">{t('case.juror')}</th>
                  {progress.data.teams.map((team) => (
                    <th scope="col" key={team.teamId}>
                      {team.teamName}
                    </th>
                  ))}
                  <th scope="col">{t('case.scored')}</th>
                </tr>
              </thead>
              <tbody>
                {progress.data.jurors.map((juror) => (
                  <tr key={juror.judgeId}>
                    <th scope="row">{juror.fullName}</th>
                    {progress.data!.teams.map((team) => {
                      const x = cell(juror.judgeId, team.teamId);
                      return (
                        <td key={team.teamId} class={`cell ${x?.state ?? 'none'}`}>
                          {!x
                            ? ''
                            : x.state === 'scored'
                              ? `✓ ${t('case.scored')}`
                              : x.state === 'due'
                                ? t('case.due')
                                : t('case.conflict', { reason: reason(x.conflict) })}
                        </td>
                      );
                    })}
                    <td>{t('case.sheets', { done: juror.done, due: juror.due })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {diagnostics.data && diagnostics.data.length > 0 && (
        <section aria-labelledby="diagnostics-title">
          <h2 id="diagnostics-title">{t('case.diagnostics')}</h2>
          <p class="hint">{t('case.diagnosticsRule', { points: OUTLIER_POINTS, agreement: OUTLIER_AGREEMENT })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('case.juror')}</th>
                <th scope="col">{t('case.mean')}</th>
                <th scope="col">{t('case.spread')}</th>
                <th scope="col">{t('case.deviation')}</th>
                <th scope="col">{t('case.agreement')}</th>
              </tr>
            </thead>
            <tbody>
              {diagnostics.data.map((juror) => {
                const out = standsOut(juror, diagnostics.data!);
                return (
                  <tr key={juror.judgeId} class={out ? 'outlier' : undefined}>
                    <th scope="row">
                      {juror.fullName}
                      {out && <span class="tag warn">{t('case.outlier')}</span>}
                    </th>
                    <td>{round1(juror.meanTotal)}</td>
                    <td>{round1(juror.standardDeviation)}</td>
                    <td>{round1(juror.meanDeviation)}</td>
                    <td>{round1(juror.agreement)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <section aria-labelledby="standings-title">
        <div class="title-row">
          <h2 id="standings-title">{t('case.standings')}</h2>
          <CsvLink href={`/api/case-championships/${id}/standings/export?format=csv`} />
        </div>
        {standings.data && standings.data.rows.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('tournament.rank')}</th>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('case.total')}</th>
              </tr>
            </thead>
            <tbody>
              {standings.data.rows.map((row, i) => (
                <tr key={row.teamId ?? i} class={row.qualified ? 'breaking' : undefined}>
                  <td>{row.rank ?? '—'}</td>
                  <td>
                    {row.teamName ?? '—'}
                    {row.qualified && <span class="tag">{t('case.qualified')}</span>}
                  </td>
                  <td>{round1(row.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {c.status !== 'draft' && (
          <div class="actions">
            {c.reveal.frozen && <span role="status">{t('case.frozen', { revealed: c.reveal.revealed })}</span>}
            {!c.reveal.frozen ? (
              <button type="button" onClick={() => void freeze()}>
                {t('case.freeze')}
              </button>
            ) : (
              <>
                <button type="button" onClick={() => void reveal()}>
                  {t('case.reveal')}
                </button>
                <button type="button" onClick={() => void unfreeze()}>
                  {t('case.unfreeze')}
                </button>
              </>
            )}
            {c.status === 'scoring' && (
              <button type="button" class="primary" disabled={action.busy} onClick={() => void finalise()}>
                {t('case.finalise')}
              </button>
            )}
          </div>
        )}
      </section>
      {c.status === 'finalised' && (
        <section class="panel" aria-labelledby="qualifiers-title">
          <h2 id="qualifiers-title">{t('case.qualifiers')}</h2>
          <ol class="compact">
            {c.qualifiers.map((teamId) => (
              <li key={teamId}>{teamName(teamId)}</li>
            ))}
          </ol>
          <div class="row">
            <label>
              {t('case.intoTournament')}
              <select value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
                <option value="">—</option>
                {(tournaments.data ?? []).map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              class="primary"
              disabled={!target || action.busy}
              onClick={() => void enterQualifiers()}
            >
              {t('case.enterQualifiers')}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
