import { useState } from 'preact/hooks';
import { call } from '../api.js';
import type { DebateBallots, PanelBallot, PanelConflict, Page, Round, RoundPanels, Team } from '../data.js';
import { t } from '../i18n.js';
import { useLive } from '../live.js';
import { confirmAction, ErrorLine, Link, useAction, useLoad } from '../ui.js';
import { MotionForm } from './Motion.js';
import { conflictText, PanelCell, Unallocated, type PanelChange } from './Panels.js';
import { LiveBadge } from './Tournament.js';

type Decision = { winnerTeamId: string | null; teams: { teamId: string; total: number }[] };
interface Preview {
  before: Decision | null;
  after: Decision;
  winnerChanged: boolean;
  resets: { matchId: string; debateId: string | null }[];
}

/**
 * A round: as a draft, each debate with why it was paired and the constraints the draw broke, then released (one
 * confirmation); once out, the ballot board, live — each room missing / partly in / split (confirm) / confirmed —
 * and any ballot corrected after a dry run shows what would change.
 */
export function RoundScreen({ id, seq }: { id: string; seq: number }) {
  const round = useLoad(() => call<Round>(`/api/tournaments/${id}/rounds/${seq}`), [id, seq]);
  const board = useLoad(() => call<Page<DebateBallots>>(`/api/tournaments/${id}/rounds/${seq}/ballots`), [id, seq]);
  const panels = useLoad(() => call<RoundPanels>(`/api/tournaments/${id}/rounds/${seq}/panels`), [id, seq]);
  const reloadAll = () => {
    round.reload();
    board.reload();
    panels.reload();
  };
  useLive('tournament', id, reloadAll);
  const [broken, setBroken] = useState<PanelConflict[] | null>(null);
  const action = useAction();
  const [correcting, setCorrecting] = useState<{ debate: DebateBallots; ballot: PanelBallot } | null>(null);
  const [notice, setNotice] = useState('');
  const r = round.data;

  const changePanel = async (change: PanelChange) => {
    setNotice('');
    const answer = await action.run(() =>
      call<RoundPanels>(`/api/tournaments/${id}/rounds/${seq}/panels/moves`, { method: 'POST', body: change }),
    );
    if (!answer) return;
    setBroken(answer.broken ?? []);
    reloadAll();
  };

  const preview = async (change: PanelChange) =>
    (
      await call<RoundPanels>(`/api/tournaments/${id}/rounds/${seq}/panels/moves?dryRun=true`, {
        method: 'POST',
        body: change,
      })
    ).broken ?? [];

  const release = async () => {
    if (!(await confirmAction(t('round.releaseConfirm', { seq }), t('round.release')))) return;
    await action.run(() => call(`/api/tournaments/${id}/rounds/${seq}/release`, { method: 'POST' }));
    reloadAll();
  };
  const regenerate = async () => {
    if (!(await confirmAction(t('round.regenerateConfirm'), t('round.regenerate')))) return;
    await action.run(() =>
      call(`/api/tournaments/${id}/rounds/${seq}/regenerate`, {
        method: 'POST',
        body: r?.motion ? { motion: r.motion } : {},
      }),
    );
    round.reload();
    board.reload();
  };
  const confirmSplit = async (debate: DebateBallots) => {
    const chair = debate.panel.find((p) => p.role === 'chair');
    const team = debate.teams.find((x) => x.teamId === chair?.winnerTeamId)?.teamName ?? '';
    if (!(await confirmAction(t('round.confirmSplitText', { room: debate.room, team }), t('round.confirmSplit'))))
      return;
    await action.run(() => call(`/api/debates/${debate.debateId}/confirm`, { method: 'POST' }));
    board.reload();
  };

  if (!r) return <ErrorLine error={round.error} />;
  const teamName = (debate: { teams: { teamId: string; teamName: string }[] }, teamId: string | null) =>
    debate.teams.find((x) => x.teamId === teamId)?.teamName ?? '—';
  return (
    <section>
      <p class="no-print">
        <Link href={`/console/tournaments/${id}`}>{t('common.back')}</Link>
      </p>
      <div class="title-row">
        <h1>
          {r.kind === 'prelim' || !r.name ? t('round.title', { seq }) : r.name} · {t(`round.status.${r.status}`)}
        </h1>
        <LiveBadge />
      </div>
      {r.motion && <p class="motion">{r.motion}</p>}
      <ErrorLine error={action.error} />
      {notice && (
        <p role="status" class="ok">
          {notice}
        </p>
      )}
      {broken && (
        <div role="status" class={broken.length ? 'warn' : 'ok'}>
          {broken.length ? (
            <>
              <p>{t('panels.broke')}</p>
              <ul>
                {broken.map((c, i) => (
                  <li key={i}>{conflictText(c)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('panels.noneBroken')}</p>
          )}
        </div>
      )}
      {r.status !== 'closed' && <MotionForm id={id} round={r} onSaved={round.reload} />}
      {r.status === 'draft' ? (
        <>
          <p class="hint">{t('round.draftIntro')}</p>
          <p class="hint">{t('panels.dragHint')}</p>
          <section class="panel" aria-labelledby="broken-title">
            <h2 id="broken-title">{t('round.broken')}</h2>
            {r.brokenConstraints.length === 0 ? (
              <p class="ok">{t('round.noBroken')}</p>
            ) : (
              <ul>
                {r.brokenConstraints.map((b, i) => (
                  <li key={i} class="warn">
                    <strong>{b.constraint}</strong>: {b.why}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <table class="draw">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('tournament.teams')}</th>
                <th scope="col">{t('tournament.judges')}</th>
                <th scope="col">{t('round.why')}</th>
              </tr>
            </thead>
            <tbody>
              {r.debates.map((d) => (
                <tr key={d.id}>
                  <td>{d.room}</td>
                  <td>
                    {d.teams.map((x) => (
                      <div key={x.teamId}>
                        <span class="side">{x.side}</span> {x.teamName}
                      </div>
                    ))}
                  </td>
                  <td>
                    {panels.data ? (
                      <PanelCell
                        debateId={d.id}
                        panels={panels.data}
                        busy={action.busy}
                        onChange={(change) => void changePanel(change)}
                        preview={preview}
                      />
                    ) : (
                      d.panel.map((p) => (
                        <div key={p.judgeId}>
                          {p.name}
                          {p.role === 'chair' ? ` (${t('round.chair')})` : ''}
                        </div>
                      ))
                    )}
                  </td>
                  <td>
                    <ul class="compact">
                      {d.explanation.map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {panels.data && (
            <Unallocated
              panels={panels.data}
              busy={action.busy}
              onChange={(change) => void changePanel(change)}
              preview={preview}
            />
          )}
          <div class="actions">
            <Link href={`/console/tournaments/${id}/rounds/${seq}/check-in`} class="button">
              {t('checkin.open')}
            </Link>
            <button type="button" disabled={action.busy} onClick={() => void regenerate()}>
              {t('round.regenerate')}
            </button>
            <button type="button" class="primary" disabled={action.busy} onClick={() => void release()}>
              {t('round.release')}
            </button>
          </div>
        </>
      ) : (
        <section aria-labelledby="board-title">
          <h2 id="board-title">{t('round.board')}</h2>
          <ErrorLine error={board.error} />
          <ul class="board">
            {board.data?.items.map((debate) => {
              const done = debate.panel.filter((p) => p.submitted).length;
              const state =
                debate.status === 'confirmed'
                  ? 'confirmed'
                  : debate.needsConfirmation
                    ? 'split'
                    : done === 0
                      ? 'missing'
                      : 'partial';
              return (
                <li key={debate.debateId} class="room" data-state={state} aria-labelledby={`room-${debate.room}`}>
                  <h3 id={`room-${debate.room}`}>
                    {t('round.room', { room: debate.room })}: {debate.teams.map((x) => x.teamName).join(' — ')}
                  </h3>
                  <p class="state">
                    {state === 'partial'
                      ? t('round.state.partial', { done, total: debate.panel.length })
                      : t(`round.state.${state}`)}
                  </p>
                  {debate.winnerTeamId && <p>{t('round.winner', { team: teamName(debate, debate.winnerTeamId) })}</p>}
                  <ul class="panel-ballots">
                    {debate.panel.map((p) => (
                      <li key={p.judgeId} data-submitted={p.submitted}>
                        <span>
                          {p.name}
                          {p.role === 'chair' ? ` (${t('round.chair')})` : ''}:{' '}
                          {p.submitted
                            ? t('round.ballotIn', {
                                team: teamName(debate, p.winnerTeamId),
                                totals: p.teams.map((x) => x.total).join(' : '),
                              })
                            : t('round.ballotMissing')}
                        </span>
                        {p.submitted && (
                          <button
                            type="button"
                            onClick={() => {
                              setNotice('');
                              setCorrecting({ debate, ballot: p });
                            }}
                          >
                            {t('round.correct')}
                            <span class="sr-only"> · {p.name}</span>
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                  {debate.needsConfirmation && (
                    <button type="button" class="primary" onClick={() => void confirmSplit(debate)}>
                      {t('round.confirmSplit')}
                    </button>
                  )}
                  {correcting?.debate.debateId === debate.debateId && (
                    <Correction
                      debate={debate}
                      ballot={correcting.ballot}
                      onDone={() => {
                        setCorrecting(null);
                        setNotice(t('correction.applied'));
                        board.reload();
                      }}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </section>
  );
}

/** A ballot's scores, edited, previewed as a dry run (the result before and after, the bracket debates reset), then applied. */
function Correction(props: { debate: DebateBallots; ballot: PanelBallot; onDone: () => void }) {
  const { debate, ballot } = props;
  const [teams, setTeams] = useState(() =>
    ballot.teams.map((x) => ({ ...x, speeches: x.speeches.map((s) => ({ ...s })) })),
  );
  const [preview, setPreview] = useState<Preview | null>(null);
  const action = useAction();
  const rosters = useLoad(
    () => Promise.all(debate.teams.map((x) => call<Team>(`/api/teams/${x.teamId}`))),
    [debate.debateId],
  );
  const speakerName = (teamId: string, speakerId: string, index: number) =>
    rosters.data?.find((x) => x.id === teamId)?.members.find((m) => m.id === speakerId)?.fullName ??
    t('correction.speaker', { n: index + 1 });
  const teamName = (teamId: string | null) => debate.teams.find((x) => x.teamId === teamId)?.teamName ?? '—';
  const body = () => ({
    judgeId: ballot.judgeId,
    teams: teams.map((x) => ({ teamId: x.teamId, speeches: x.speeches })),
  });
  const setScore = (ti: number, si: number, value: string) => {
    setPreview(null);
    setTeams((list) =>
      list.map((x, i) =>
        i !== ti
          ? x
          : {
              ...x,
              speeches: x.speeches.map((s, j) => (j === si ? { ...s, score: Number(value.replace(',', '.')) } : s)),
            },
      ),
    );
  };
  const runPreview = (event: Event) => {
    event.preventDefault();
    void action.run(async () =>
      setPreview(
        await call<Preview>(`/api/debates/${debate.debateId}/corrections?dryRun=true`, {
          method: 'POST',
          body: body(),
        }),
      ),
    );
  };
  const apply = async () => {
    if (!(await confirmAction(t('correction.applyConfirm', { judge: ballot.name }), t('correction.apply')))) return;
    const done = await action.run(() =>
      call<Preview>(`/api/debates/${debate.debateId}/corrections?dryRun=false`, { method: 'POST', body: body() }),
    );
    if (done) props.onDone();
  };
  const totals = (d: Decision | null) =>
    d ? `${teamName(d.winnerTeamId)} (${d.teams.map((x) => `${teamName(x.teamId)} ${x.total}`).join(', ')})` : '—';

  return (
    <form class="correction" onSubmit={runPreview} aria-labelledby={`correct-${debate.debateId}`}>
      <h4 id={`correct-${debate.debateId}`}>{t('correction.title', { judge: ballot.name, room: debate.room })}</h4>
      <div class="columns">
        {teams.map((team, ti) => (
          <fieldset key={team.teamId}>
            <legend>{teamName(team.teamId)}</legend>
            {team.speeches.map((s, si) => (
              <label key={si}>
                {speakerName(team.teamId, s.speakerId, si)}
                {s.reply ? ` (${t('correction.reply')})` : ''}
                <input
                  inputMode="decimal"
                  value={String(s.score)}
                  onInput={(e) => setScore(ti, si, (e.target as HTMLInputElement).value)}
                />
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <button type="submit" disabled={action.busy}>
        {t('correction.preview')}
      </button>
      <ErrorLine error={action.error} />
      {preview && (
        <div class="diff" role="region" aria-label={t('correction.preview')}>
          <p>
            {t('correction.before')}: {totals(preview.before)}
          </p>
          <p>
            {t('correction.after')}: {totals(preview.after)}
          </p>
          <p class={preview.winnerChanged ? 'warn' : 'ok'}>
            {preview.winnerChanged ? t('correction.winnerChanged') : t('correction.winnerSame')}
          </p>
          <p>
            {preview.resets.length
              ? `${t('correction.resets')}: ${preview.resets.map((x) => x.matchId).join(', ')}`
              : t('correction.noResets')}
          </p>
          <button type="button" class="primary" disabled={action.busy} onClick={() => void apply()}>
            {t('correction.apply')}
          </button>
        </div>
      )}
    </form>
  );
}
