import { formatScore, locale, t } from '../shared/i18n.js';
import { parseScore, stepScore } from './ballot-logic.js';
import type { SpeechSlot } from './types.js';

interface Props {
  id: string;
  label: string;
  range: SpeechSlot;
  value: string;
  invalid: boolean;
  describedBy?: string;
  onChange: (text: string) => void;
}

/** − [score] +: taps keep the range and step; the field also takes a typed score (comma or point). */
export function Stepper({ id, label, range, value, invalid, describedBy, onChange }: Props) {
  // The field shows the judge's decimal mark (52,5 in Kazakh); parseScore reads a comma or a point.
  const tap = (direction: 1 | -1) =>
    onChange(formatScore(locale.value, stepScore(parseScore(value), range, direction)));
  return (
    <div class="stepper">
      <button type="button" class="step" aria-label={t('ballot.decrease', { what: label })} onClick={() => tap(-1)}>
        −
      </button>
      <input
        id={id}
        class="score"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="button" class="step" aria-label={t('ballot.increase', { what: label })} onClick={() => tap(1)}>
        +
      </button>
    </div>
  );
}
