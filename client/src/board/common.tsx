import type { ComponentChildren } from 'preact';
import { pick } from '../shared/i18n.js';
import { t } from './i18n.js';
import { flashes } from './live-board.js';
import type { Localised } from './types.js';

/** ` flash` while the keyed part changed within the last seconds (the CSS fades it). */
export const flashed = (...keys: string[]) => (keys.some((k) => flashes.value.has(k)) ? ' flash' : '');

export function roundLabel(round: { kind: 'prelim' | 'elim'; seq: number; name: string | null }): string {
  if (round.kind === 'prelim') return t('round.prelim', { seq: round.seq });
  return elimName(round.name ?? '');
}

/** The engine names elimination rounds in English ("Final", "Round of 32"): shown in the board's language. */
export function elimName(name: string): string {
  const of = /^Round of (\d+)$/.exec(name);
  if (of) return t('round.of', { count: Number(of[1]) });
  if (name === 'Final' || name === 'Semifinals' || name === 'Quarterfinals' || name === 'Octofinals') {
    return t(`round.${name}`);
  }
  return name;
}

export function sideLabel(labels: Record<string, Localised> | undefined, side: string): string {
  const label = labels?.[side];
  return label ? pick(label) : side.toUpperCase();
}

export function statusLabel(status: string): string {
  const key = `status.${status}` as const;
  return key === 'status.setup' ||
    key === 'status.prelims' ||
    key === 'status.elims' ||
    key === 'status.finished' ||
    key === 'status.not-created'
    ? t(key)
    : status;
}

export function Loading() {
  return <p class="muted">{t('common.loading')}</p>;
}

export function Table(props: { caption: string; head: ComponentChildren; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={props.caption} tabIndex={0}>
      <table>
        <caption class="sr-only">{props.caption}</caption>
        <thead>{props.head}</thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

export const number = (value: number | null | undefined) =>
  value === null || value === undefined
    ? '—'
    : new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value);
