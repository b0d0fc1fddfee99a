import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatNumber, locale, pick, t } from '../../shared/i18n.js';
import { submit } from '../../shared/outbox.js';
import { getDraft, saveDraft } from '../../shared/storage.js';
import { ballotBody, emptyDraft, evaluate, type BallotDraft, type Problem } from '../ballot-logic.js';
import { navigate } from '../router.js';
import { Stepper } from '../Stepper.js';
import type { Format, WorkDebate } from '../types.js';
import { formats, work } from '../work-store.js';
import { BackLink, DebateHeading } from './common.js';

export function BallotScreen({ debateId, review }: { debateId: string; review: boolean }) {
  const debate = work.value?.debates.find((d) => d.debateId === debateId);
  const format = debate ? formats.value[debate.format] : undefined;
  if (!debate || !format) return <p role="status">{t('common.loading')}</p>;
  return <BallotForm debate={debate} format={format} review={review} />;
}

function BallotForm({ debate, format, review }: { debate: WorkDebate; format: Format; review: boolean }) {
  const draftId = `ballot:${debate.debateId}`;
  const [draft, setDraft] = useState<BallotDraft | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void getDraft<BallotDraft>(draftId).then((d) => setDraft(d ?? emptyDraft(format, debate.teams)));
  }, [draftId]);

  const sideOf = (team: number) => format.sides.find((s) => s.code === debate.teams[team]?.side);
  const slotName = (team: number, slot: number) => {
    const side = sideOf(team);
    return `${side ? pick(side.name) : ''} · ${side ? pick(side.slots[slot]) : ''}`;
  };
  const state = useMemo(
    () => (draft ? evaluate(format, debate.teams, draft, slotName) : null),
    [draft, locale.value, format, debate],
  );
  if (!draft || !state) return <p role="status">{t('common.loading')}</p>;

  const update = (team: number, slot: number, change: Partial<BallotDraft['teams'][number]['slots'][number]>) => {
    const next: BallotDraft = {
      teams: draft.teams.map((entry, i) =>
        i !== team
          ? entry
          : { ...entry, slots: entry.slots.map((cell, j) => (j === slot ? { ...cell, ...change } : cell)) },
      ),
    };
    setDraft(next);
    setSaved(false);
    void saveDraft(draftId, next).then(() => setSaved(true));
  };
  const problemAt = (team: number, slot: number): Problem | undefined =>
    state.problems.find((p) => p.team === team && p.slot === slot && p.key !== 'problem.empty');
  const lang = locale.value;
  const blocking = state.problems.filter((p) => p.key !== 'problem.empty');
  const missing = state.problems.some((p) => p.key === 'problem.empty');

  const verdict =
    format.result.kind === 'ranks' ? (
      state.ranks && !state.problems.some((p) => p.key === 'problem.tie') ? (
        <ol class="ranks">
          {debate.teams
            .map((team, i) => ({ team, i, rank: state.ranks![i] }))
            .sort((a, b) => a.rank - b.rank)
            .map(({ team, i, rank }) => (
              <li key={team.teamId}>
                <strong>{t('ballot.place', { rank })}</strong> {team.name} · {pick(sideOf(i)!.name)} ·{' '}
                {t('ballot.points', { count: format.result.pointsByRank?.[rank - 1] ?? 0 })}
              </li>
            ))}
        </ol>
      ) : null
    ) : state.winner !== null && !state.problems.some((p) => p.key === 'problem.tie') ? (
      <p class="winner">
        {t('ballot.winner', { team: debate.teams[state.winner].name })}
        <span class="margin">{t('ballot.margin', { margin: state.margin ?? 0 })}</span>
      </p>
    ) : null;

  const totals = (
    <div class="totals" aria-live="polite">
      <ul class="team-totals">
        {debate.teams.map((team, i) => (
          <li key={team.teamId}>
            <span>{team.name}</span>
            <strong>{state.totals[i] === null ? '—' : formatNumber(lang, state.totals[i]!)}</strong>
          </li>
        ))}
      </ul>
      {verdict}
    </div>
  );

  if (review) {
    const send = async () => {
      await submit({
        method: 'POST',
        url: `/api/debates/${debate.debateId}/ballots`,
        body: ballotBody(format, draft),
        label: { key: 'outbox.ballot', params: { room: debate.room } },
        draftId,
      });
      navigate({ name: 'work' });
    };
    return (
      <section aria-labelledby="screen-title">
        <h1 id="screen-title" tabIndex={-1}>
          {t('review.title')}
        </h1>
        <DebateHeading debate={debate} />
        {debate.teams.map((team, i) => (
          <div class="card" key={team.teamId}>
            <h2>
              {pick(sideOf(i)!.name)}: {team.name}
            </h2>
            <table class="review">
              <tbody>
                {format.speechSlots.map((_, s) => (
                  <tr key={s}>
                    <th scope="row">{pick(sideOf(i)!.slots[s])}</th>
                    <td>{team.speakers.find((p) => p.id === draft.teams[i].slots[s].speakerId)?.name}</td>
                    <td class="num">{draft.teams[i].slots[s].score}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        {totals}
        <div class="actions">
          <button type="button" class="btn secondary" onClick={() => history.back()}>
            {t('review.edit')}
          </button>
          <button type="button" class="btn primary" onClick={send} disabled={state.problems.length > 0}>
            {t('review.submit')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="screen-title">
      <BackLink />
      <h1 id="screen-title" tabIndex={-1}>
        {t('ballot.title')}
      </h1>
      <DebateHeading debate={debate} />
      {debate.teams.map((team, i) => (
        <fieldset class="card" key={team.teamId}>
          <legend>
            {pick(sideOf(i)!.name)}: {team.name}
          </legend>
          {format.speechSlots.map((slot, s) => {
            const cell = draft.teams[i].slots[s];
            const id = `t${i}s${s}`;
            const problem = problemAt(i, s);
            return (
              <div class="slot" key={s}>
                <div class="slot-head">
                  <label for={`${id}-speaker`}>{pick(sideOf(i)!.slots[s])}</label>
                  <span class="range">
                    {formatNumber(lang, slot.min)}–{formatNumber(lang, slot.max)}
                  </span>
                </div>
                <div class="slot-body">
                  <select
                    id={`${id}-speaker`}
                    value={cell.speakerId ?? ''}
                    aria-invalid={
                      problem?.key === 'problem.duplicate' ||
                      problem?.key === 'problem.reply' ||
                      problem?.key === 'problem.speaker'
                    }
                    onChange={(e) => update(i, s, { speakerId: (e.currentTarget as HTMLSelectElement).value || null })}
                  >
                    <option value="">{t('ballot.speaker')}</option>
                    {team.speakers.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                  <label class="sr-only" for={`${id}-score`}>
                    {slotName(i, s)}
                  </label>
                  <Stepper
                    id={`${id}-score`}
                    label={slotName(i, s)}
                    range={slot}
                    value={cell.score}
                    invalid={!!problem && problem.key !== 'problem.duplicate' && problem.key !== 'problem.reply'}
                    describedBy={problem ? `${id}-problem` : undefined}
                    onChange={(score) => update(i, s, { score })}
                  />
                </div>
                {problem && (
                  <p class="problem" id={`${id}-problem`}>
                    {t(problem.key, problem.params)}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      {totals}
      {blocking.length > 0 && (
        <div class="problems" role="alert">
          <p>{t('ballot.fix')}</p>
          <ul>
            {blocking.map((p, k) => (
              <li key={k}>{t(p.key, p.params)}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="hint" role="status">
        {saved ? t('ballot.draft') : ''}
      </p>
      <div class="actions">
        <button
          type="button"
          class="btn primary"
          disabled={blocking.length > 0 || missing}
          onClick={() => navigate({ name: 'ballot', debateId: debate.debateId, review: true })}
        >
          {t('ballot.review')}
        </button>
      </div>
    </section>
  );
}
