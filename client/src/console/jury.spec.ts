import { describe, expect, it } from '@jest/globals';
import { standsOut, type JurorFigures } from './jury.js';

const j = (meanDeviation: number | null, agreement: number | null = 0.9): JurorFigures => ({
  meanDeviation,
  agreement,
});

describe('standsOut (jury diagnostics)', () => {
  it('flags the harsh juror of three, not the two fair ones the harsh one drags', () => {
    // Fair jurors 90/70/60, the harsh one 30/20 on the first two: deviations as the server computes them.
    const jury = [j(18.3), j(18.3), j(-55)];
    expect(jury.map((x) => standsOut(x, jury))).toEqual([false, false, true]);
  });

  it('needs a tenth of the scale: a jury that differs little flags nobody', () => {
    const jury = [j(1), j(-2), j(9.9), j(0.5)];
    expect(jury.map((x) => standsOut(x, jury))).toEqual([false, false, false, false]);
  });

  it('flags a juror who ranks the teams unlike the rest, whatever the level', () => {
    const jury = [j(1, 0.9), j(1, -0.5), j(null, null)];
    expect(jury.map((x) => standsOut(x, jury))).toEqual([false, true, false]);
  });
});
