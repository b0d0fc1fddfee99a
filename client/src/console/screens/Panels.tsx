import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { failure } from '../api.js';
import type { PanelConflict, RoundPanels } from '../data.js';
import { t, type ConsoleKey } from '../i18n.js';
import { confirmAction } from '../ui.js';

export type PanelChange =
  | { action: 'move'; judgeId: string; toDebateId: string; role?: 'chair' | 'wing' }
  | { action: 'swap'; judgeId: string; otherJudgeId: string }
  | { action: 'chair'; judgeId: string }
  | { action: 'remove'; judgeId: string };

/** A change tried as a dry run: the conflicts it would break, or why the server would refuse it. */
export type PanelPreview = (change: PanelChange) => Promise<PanelConflict[]>;

interface Dragged {
  judgeId: string;
  name: string;
  from: string | null;
}
/** The judge being dragged, the room under the pointer, and per room what dropping there would break. */
const dragged = signal<Dragged | null>(null);
const over = signal<string | null>(null);
const previews = signal<Record<string, PanelConflict[] | { refused: string }>>({});

function startDrag(event: DragEvent, judge: Dragged, panels: RoundPanels, preview: PanelPreview): void {
  event.dataTransfer?.setData('text/plain', judge.judgeId);
  if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  dragged.value = judge;
  previews.value = {};
  // Each other room asked once, as a dry run, while the drag starts: the answer is there by the time it hovers.
  for (const debate of panels.items.filter((d) => d.id !== judge.from))
    preview({ action: 'move', judgeId: judge.judgeId, toDebateId: debate.id }).then(
      (broken) => dragged.value === judge && (previews.value = { ...previews.value, [debate.id]: broken }),
      (error: unknown) =>
        dragged.value === judge &&
        (previews.value = { ...previews.value, [debate.id]: { refused: failure(error).detail } }),
    );
}

function endDrag(): void {
  dragged.value = null;
  over.value = null;
  previews.value = {};
}

/**
 * A room's panel as a drop target: while a judge is dragged it shows whether dropping them here breaks a conflict
 * (the server's dry run), and a drop moves them in as a wing. The list beside each judge does the same by keyboard.
 */
function DropZone(props: { debateId: string; onChange: (change: PanelChange) => void; children: ComponentChildren }) {
  const judge = dragged.value;
  const target = judge !== null && judge.from !== props.debateId;
  const answer = target ? previews.value[props.debateId] : undefined;
  const state = !target
    ? undefined
    : answer === undefined
      ? 'checking'
      : 'refused' in answer
        ? 'refused'
        : answer.length
          ? 'conflict'
          : 'ok';
  const note =
    !judge || over.value !== props.debateId || !state
      ? ''
      : state === 'checking'
        ? t('panels.dropChecking')
        : state === 'ok'
          ? t('panels.dropOk', { judge: judge.name })
          : state === 'refused'
            ? t('panels.dropRefused', { detail: (answer as { refused: string }).refused })
            : `${t('panels.dropConflict', { judge: judge.name })} ${(answer as PanelConflict[]).map(conflictText).join('; ')}`;
  return (
    <div
      class="drop"
      data-drop={state}
      data-over={target && over.value === props.debateId ? 'true' : undefined}
      onDragOver={(event) => {
        if (!target || state === 'refused') return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
        over.value = props.debateId;
      }}
      onDragLeave={(event) => {
        const to = event.relatedTarget as Node | null;
        if (over.value === props.debateId && !(to && (event.currentTarget as Node).contains(to))) over.value = null;
      }}
      onDrop={(event) => {
        event.preventDefault();
        const judgeId = dragged.value?.judgeId;
        endDrag();
        if (judgeId) props.onChange({ action: 'move', judgeId, toDebateId: props.debateId });
      }}
    >
      {props.children}
      <p class="drop-note" aria-live="polite">
        {note}
      </p>
    </div>
  );
}

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
  preview: PanelPreview;
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
  const remove = async () => {
    const room = panels.items.find((d) => d.id === debateId)?.room ?? 0;
    if (!(await confirmAction(t('panels.removeConfirm', { judge: judge.name, room }), t('panels.remove')))) return;
    props.onChange({ action: 'remove', judgeId: judge.judgeId });
  };
  return (
    <form class="seat" onSubmit={apply}>
      <span
        class="chip"
        draggable={!props.busy}
        title={t('panels.dragHint')}
        onDragStart={(event) =>
          startDrag(event, { judgeId: judge.judgeId, name: judge.name, from: debateId }, panels, props.preview)
        }
        onDragEnd={endDrag}
      >
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
      {debateId && (
        <button type="button" disabled={props.busy} onClick={() => void remove()}>
          {t('panels.remove')}
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
  preview: PanelPreview;
}) {
  const debate = props.panels.items.find((d) => d.id === props.debateId);
  if (!debate) return null;
  return (
    <DropZone debateId={debate.id} onChange={props.onChange}>
      {debate.panel.map((p) => (
        <Seat
          key={p.judgeId}
          judge={p}
          debateId={debate.id}
          panels={props.panels}
          busy={props.busy}
          onChange={props.onChange}
          preview={props.preview}
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
    </DropZone>
  );
}

/** Judges available for the round and on no panel, each placeable in a room. */
export function Unallocated(props: {
  panels: RoundPanels;
  busy: boolean;
  onChange: (change: PanelChange) => void;
  preview: PanelPreview;
}) {
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
