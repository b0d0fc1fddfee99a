import { placement } from './single-elimination.js';

export interface NationalQualifier {
  teamId: string;
  regionCode: string;
  /** 1 = regional champion, 2 = runner-up, … */
  regionalPlace: number;
  /** Orders teams of one tier (e.g. regional tab points); higher first. Absent: a seeded draw decides. */
  strength?: number;
}

export interface NationalSeeding {
  /** Team ids in seed order, for createEliminationBracket. */
  seeds: string[];
  /** Swaps made to keep same-region teams apart in the first round. */
  swaps: { seeds: [number, number]; why: string }[];
  /** First-round pairs of one region that no swap could separate. */
  constraintsBroken: { teamIds: [string, string]; regionCode: string; why: string }[];
}

/** FNV-1a: a stable per-team key from the stored seed, so the same seed gives the same order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Seeds the AMANAT Cup national bracket. Tiers by regional place (every champion above every runner-up); inside
 * a tier by `strength`, then by a draw from `seed`. Then, for each first-round pair of one region (seed s against
 * P+1−s), the lower seed swaps with the nearest seed of the same tier whose swap leaves both pairs mixed — the
 * smallest change to the seed list that keeps regions apart; a pair no swap can fix is reported.
 */
export function seedNationalBracket(qualifiers: readonly NationalQualifier[], seed: string): NationalSeeding {
  const ordered = [...qualifiers].sort(
    (a, b) =>
      a.regionalPlace - b.regionalPlace ||
      (b.strength ?? 0) - (a.strength ?? 0) ||
      hash(`${seed}:${a.teamId}`) - hash(`${seed}:${b.teamId}`) ||
      (a.teamId < b.teamId ? -1 : 1),
  );
  const n = ordered.length;
  let size = 1;
  while (size < n) size *= 2;
  const lines = placement(size);
  // Opponent seed of each seed in the first round (or none: a bye).
  const opponent = new Map<number, number>();
  for (let i = 0; i < lines.length; i += 2) {
    const [a, b] = [lines[i], lines[i + 1]];
    if (a <= n && b <= n) {
      opponent.set(a, b);
      opponent.set(b, a);
    }
  }
  const clash = (list: NationalQualifier[], s: number) => {
    const o = opponent.get(s);
    return o !== undefined && list[s - 1].regionCode === list[o - 1].regionCode;
  };
  const swaps: NationalSeeding['swaps'] = [];
  const list = [...ordered];
  for (let s = 1; s <= n; s++) {
    const o = opponent.get(s);
    if (o === undefined || o < s || !clash(list, s)) continue;
    // Try the lower seed (o) first, nearest candidates first, same tier first.
    const candidates = list
      .map((_, i) => i + 1)
      .filter((c) => c !== s && c !== o)
      .sort(
        (a, b) =>
          Number(list[a - 1].regionalPlace !== list[o - 1].regionalPlace) -
            Number(list[b - 1].regionalPlace !== list[o - 1].regionalPlace) || Math.abs(a - o) - Math.abs(b - o),
      );
    for (const c of candidates) {
      [list[o - 1], list[c - 1]] = [list[c - 1], list[o - 1]];
      const touched = [s, o, c, opponent.get(c)].filter((x): x is number => x !== undefined);
      if (touched.every((x) => !clash(list, x)) && list.every((_, i) => i + 1 >= s || !clash(list, i + 1))) {
        swaps.push({
          seeds: [o, c],
          why: `${list[c - 1].regionCode} would have met itself in the first round (seed ${s} v ${o})`,
        });
        break;
      }
      [list[o - 1], list[c - 1]] = [list[c - 1], list[o - 1]];
    }
  }
  const constraintsBroken: NationalSeeding['constraintsBroken'] = [];
  for (let s = 1; s <= n; s++) {
    const o = opponent.get(s);
    if (o !== undefined && o > s && clash(list, s)) {
      constraintsBroken.push({
        teamIds: [list[s - 1].teamId, list[o - 1].teamId],
        regionCode: list[s - 1].regionCode,
        why: 'every swap that separates them puts another region against itself',
      });
    }
  }
  return { seeds: list.map((q) => q.teamId), swaps, constraintsBroken };
}
