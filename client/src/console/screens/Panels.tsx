import { useState } from 'preact/hooks';
import type { PanelConflict, RoundPanels } from '../data.js';
import { t, type ConsoleKey } from '../i18n.js';

export type PanelChange =
  | { action: 'move'; judgeId: string; toDebateId: string; role?: 'chair' | 'wing' }
  | { action: 'swap'; judgeId: string; otherJudgeId: string }
  | { action: 'chair'; judgeId: string };

const REASONS: Record<PanelConflict['reason'], ConsoleKey> = {
  declared: 'conflict.declared',
  'same-institution': 'conflict.sameInstitution',
  mentor: 'conflict.mentor',
};

export function conflictText(c: PanelConflict): string {
  return t('panels.conflict', { room: c.room, judge: c.judgeName, other: c.otherName, reason: t(REASONS[c.reason]) });
}

/**
 * One judge's seat on a draft: where they may go (another room as a wing or chair, or a seat swapped with a judge
 * of another room), applied with one button; a wing may take the chair.
 */
function Seat(props: {
  judge: { judgeId: string; name: string; role?: 'chair' | 'wing' };
  debateId: string | null;
  panels: RoundPanels;
  busy: boolean;
  onChange: (change: PanelChange) => void;
}) {
  const { judge, debateId, panels } = props;
  const [target, setTarget] = useState('');
  const others = panels.items.filter((d) => d.id !== debateId);
  const apply = (event: Event) => {
    event.preventDefault();
    const [kind, value] = target.split(':');
    if (kind === 'wing' || kind === 'chair')
      props.onChange({ action: 'move', judgeId: judge.judgeId, toDebateId: value, role: kind });
    else if (kind === 'swap') props.onChange({ action: 'swap', judgeId: judge.judgeId, otherJudgeId: value });
  };
  return (
    <form class="seat" onSubmit={apply}>
      <span>
        {judge.name}
        {judge.role === 'chair' ? ` (${t('round.chair')})` : ''}
      </span>
      <select
        aria-label={t('panels.target', { judge: judge.name })}
        value={target}
        onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}
      >
        <option value="">—</option>
        {others.map((d) => (
          <option key={`w${d.id}`} value={`wing:${d.id}`}>
            {t('panels.toWing', { room: d.room })}
          </option>
        ))}
        {others.map((d) => (
          <option key={`c${d.id}`} value={`chair:${d.id}`}>
            {t('panels.toChair', { room: d.room })}
          </option>
        ))}
        {debateId &&
          others.flatMap((d) =>
            d.panel.map((p) => (
              <option key={`s${p.judgeId}`} value={`swap:${p.judgeId}`}>
                {t('panels.swapWith', { judge: p.name, room: d.room })}
              </option>
            )),
          )}
      </select>
      <button type="submit" disabled={props.busy || !target}>
        {t('panels.apply')}
        <span class="sr-only"> · {judge.name}</span>
      </button>
      {judge.role === 'wing' && (
        <button
          type="button"
          disabled={props.busy}
          onClick={() => props.onChange({ action: 'chair', judgeId: judge.judgeId })}
        >
          {t('panels.makeChair')}
          <span class="sr-only"> · {judge.name}</span>
        </button>
      )}
    </form>
  );
}

/** A draft debate's panel with its move controls and the conflicts it breaks now. */
export function PanelCell(props: {
  debateId: string;
  panels: RoundPanels;
  busy: boolean;
  onChange: (change: PanelChange) => void;
}) {
  const debate = props.panels.items.find((d) => d.id === props.debateId);
  if (!debate) return null;
  return (
    <>
      {debate.panel.map((p) => (
        <Seat
          key={p.judgeId}
          judge={p}
          debateId={debate.id}
          panels={props.panels}
          busy={props.busy}
          onChange={props.onChange}
        />
      ))}
      {debate.conflicts.length > 0 && (
        <ul class="compact">
          {debate.conflicts.map((c, i) => (
            <li key={i} class="warn">
              {conflictText(c)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Judges available for the round and on no panel, each placeable in a room. */
export function Unallocated(props: { panels: RoundPanels; busy: boolean; onChange: (change: PanelChange) => void }) {
  if (!props.panels.unallocated.length) return null;
  return (
    <section class="panel" aria-labelledby="unallocated-title">
      <h2 id="unallocated-title">{t('panels.unallocated')}</h2>
      {props.panels.unallocated.map((j) => (
        <Seat key={j.judgeId} judge={j} debateId={null} {...props} />
      ))}
    </section>
  );
}
