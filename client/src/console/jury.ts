/** What makes a juror stand out in the diagnostics: far from the rest of the jury, or ranking the teams unlike them. */
export const OUTLIER_POINTS = 10;
export const OUTLIER_AGREEMENT = 0.3;

export interface JurorFigures {
  meanDeviation: number | null;
  agreement: number | null;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * A juror whose mean total differs from the rest's by a tenth of the 0–100 scale or more AND by at least twice the
 * jury's median difference, or whose ranking of the shared teams agrees with the rest's below 0.3 (Spearman). The
 * median, because one harsh juror drags "the rest" of every other juror too: in a jury of three, both fair jurors
 * then differ from the rest by a third of what the harsh one does.
 */
export function standsOut(juror: JurorFigures, jury: readonly JurorFigures[]): boolean {
  const gaps = jury.flatMap((j) => (j.meanDeviation === null ? [] : [Math.abs(j.meanDeviation)]));
  if (juror.meanDeviation !== null && gaps.length) {
    const gap = Math.abs(juror.meanDeviation);
    if (gap >= OUTLIER_POINTS && gap >= 2 * median(gaps)) return true;
  }
  return juror.agreement !== null && juror.agreement < OUTLIER_AGREEMENT;
}
