import { useEffect, useState } from 'preact/hooks';
import { formatNumber, formatScore, locale, pick, t } from '../../shared/i18n.js';
import { submit } from '../../shared/outbox.js';
import { getDraft, saveDraft } from '../../shared/storage.js';
import { parseScore, weightedTotal } from '../ballot-logic.js';
import { navigate } from '../router.js';
import { Stepper } from '../Stepper.js';
import type { WorkChampionship } from '../types.js';
import { work } from '../work-store.js';
import { BackLink } from './common.js';

interface SheetDraft {
  scores: Record<string, string>;
  comment: string;
}

/** A juror's scoresheet: a stepper per criterion (0 to its maximum, in halves), weights shown, a comment. */
export function SheetScreen({ championshipId, teamId }: { championshipId: string; teamId: string }) {
  const championship = work.value?.championships.find((c) => c.championshipId === championshipId);
  const team = championship?.teams.find((x) => x.teamId === teamId);
  if (!championship || !team) return <p role="status">{t('common.loading')}</p>;
  return <SheetForm championship={championship} team={team} />;
}

function SheetForm({
  championship,
  team,
}: {
  championship: WorkChampionship;
  team: WorkChampionship['teams'][number];
}) {
  const draftId = `sheet:${championship.championshipId}:${team.teamId}`;
  const [draft, setDraft] = useState<SheetDraft | null>(null);
  useEffect(() => {
    void getDraft<SheetDraft>(draftId).then((d) =>
      setDraft(
        d ?? {
          scores: Object.fromEntries(
            championship.criteria.map((c) => {
              const score = team.scoresheet?.scores[c.key];
              return [c.key, score === undefined ? '' : formatScore(locale.value, score)];
            }),
          ),
          comment: team.scoresheet?.comment ?? '',
        },
      ),
    );
  }, [draftId]);
  if (!draft) return <p role="status">{t('common.loading')}</p>;
  const lang = locale.value;
  const weights = championship.criteria.reduce((sum, c) => sum + c.weight, 0);
  const change = (next: SheetDraft) => {
    setDraft(next);
    void saveDraft(draftId, next);
  };
  const problems = championship.criteria.flatMap((c) => {
    const score = parseScore(draft.scores[c.key] ?? '');
    const slot = pick(c.names);
    if (score === null) return [{ key: c.key, text: t('problem.empty', { slot }), blocking: false }];
    if (Number.isNaN(score)) return [{ key: c.key, text: t('problem.notNumber', { slot }), blocking: true }];
    if (score < 0 || score > c.maxScore)
      return [{ key: c.key, text: t('problem.range', { slot, min: 0, max: c.maxScore }), blocking: true }];
    return [];
  });
  const numbers = Object.fromEntries(championship.criteria.map((c) => [c.key, parseScore(draft.scores[c.key] ?? '')]));
  const total = problems.length ? null : weightedTotal(championship.criteria, numbers);
  const send = async () => {
    await submit({
      method: 'PUT',
      url: `/api/case-championships/${championship.championshipId}/scoresheets/${team.teamId}`,
      body: {
        scores: Object.fromEntries(championship.criteria.map((c) => [c.key, numbers[c.key]])),
        ...(draft.comment.trim() ? { comment: draft.comment.trim() } : {}),
      },
      label: { key: 'outbox.sheet', params: { team: team.name } },
      draftId,
    });
    navigate({ name: 'work' });
  };
  return (
    <section aria-labelledby="screen-title">
      <BackLink />
      <h1 id="screen-title" tabIndex={-1}>
        {t('sheet.title')}
      </h1>
      <p>{championship.title}</p>
      <h2>{team.name}</h2>
      <div class="card">
        {championship.criteria.map((c) => {
          const problem = problems.find((p) => p.key === c.key && p.blocking);
          const id = `crit-${c.key}`;
          return (
            <div class="slot" key={c.key}>
              <div class="slot-head">
                <label for={id}>{pick(c.names)}</label>
                <span class="range">
                  {t('sheet.weight', { weight: Math.round((c.weight / weights) * 1000) / 10 })} ·{' '}
                  {t('sheet.outOf', { max: c.maxScore })}
                </span>
              </div>
              <Stepper
                id={id}
                label={pick(c.names)}
                range={{ kind: 'speech', min: 0, max: c.maxScore, step: 0.5 }}
                value={draft.scores[c.key] ?? ''}
                invalid={!!problem}
                describedBy={problem ? `${id}-problem` : undefined}
                onChange={(score) => change({ ...draft, scores: { ...draft.scores, [c.key]: score } })}
              />
              {problem && (
                <p class="problem" id={`${id}-problem`}>
                  {problem.text}
                </p>
              )}
            </div>
          );
        })}
        <label for="comment">{t('sheet.comment')}</label>
        <textarea
          id="comment"
          rows={3}
          maxLength={2000}
          value={draft.comment}
          onInput={(e) => change({ ...draft, comment: (e.currentTarget as HTMLTextAreaElement).value })}
        />
      </div>
      <p class="winner" aria-live="polite">
        {total === null ? '' : t('sheet.total', { total: formatNumber(lang, total) })}
      </p>
      <div class="actions">
        <button type="button" class="btn primary" disabled={problems.length > 0} onClick={send}>
          {t('sheet.submit')}
        </button>
      </div>
    </section>
  );
}
