import { comparable, type ConfirmedDebateResult } from './confirmed-result.js';

export interface TabSpeaker {
  id: string;
  name: string;
  teamId: string;
}

export interface SpeakerTabOptions {
  /** What ranks speakers first; the other measure breaks ties. Default 'total'. */
  rankBy?: 'total' | 'average';
  /** With `average`: speakers with fewer substantive speeches follow the ranked ones, unranked. Default 0. */
  minSpeeches?: number;
}

export interface SpeakerTabRow {
  /** Standard competition ranking: rows equal on both total and average share a rank; null below `minSpeeches`. */
  rank: number | null;
  speakerId: string;
  name: string;
  teamId: string;
  /** Substantive speeches only; replies are scored on another scale and kept apart. */
  total: number;
  average: number | null;
  replyTotal: number;
  replyAverage: number | null;
  /** Number of substantive speeches (iron speeches excluded). */
  speeches: number;
  replies: number;
}

/** The speaker tab over every confirmed debate; speakers with no speech yet are listed last. */
export function computeSpeakerTab(
  speakers: readonly TabSpeaker[],
  results: readonly ConfirmedDebateResult[],
  options: SpeakerTabOptions = {},
): SpeakerTabRow[] {
  const rankBy = options.rankBy ?? 'total';
  const minSpeeches = rankBy === 'average' ? (options.minSpeeches ?? 0) : 0;
  const indexOf = new Map<string, number>();
  speakers.forEach((speaker, i) => {
    if (indexOf.has(speaker.id)) throw new RangeError(`speaker ${speaker.id} is listed twice`);
    indexOf.set(speaker.id, i);
  });

  const n = speakers.length;
  const total = new Float64Array(n);
  const count = new Int32Array(n);
  const replyTotal = new Float64Array(n);
  const replyCount = new Int32Array(n);
  for (const debate of results) {
    for (const team of debate.teams) {
      for (const speech of team.speeches) {
        const i = indexOf.get(speech.speakerId);
        // An iron speech counts for the team only: it would double a speaker's tab entry.
        if (i === undefined || speech.iron) continue;
        if (speech.reply) {
          replyTotal[i] += speech.score;
          replyCount[i] += 1;
        } else {
          total[i] += speech.score;
          count[i] += 1;
        }
      }
    }
  }

  const average = (i: number) => (count[i] > 0 ? total[i] / count[i] : null);
  // Sort keys on the comparison grid; a speaker with no speech has no average and sorts below every real one.
  const byTotal = new Float64Array(n);
  const byAverage = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    byTotal[i] = comparable(total[i]);
    byAverage[i] = count[i] > 0 ? comparable(total[i] / count[i]) : -Infinity;
  }
  const [first, second] = rankBy === 'total' ? [byTotal, byAverage] : [byAverage, byTotal];
  const order = speakers.map((_, i) => i);
  const eligible = (i: number) => count[i] >= minSpeeches;
  order.sort((a, b) => {
    if (eligible(a) !== eligible(b)) return eligible(a) ? -1 : 1;
    if (first[a] !== first[b]) return first[b] > first[a] ? 1 : -1;
    if (second[a] !== second[b]) return second[b] > second[a] ? 1 : -1;
    const x = speakers[a];
    const y = speakers[b];
    if (x.name !== y.name) return x.name < y.name ? -1 : 1;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });

  const rows: SpeakerTabRow[] = [];
  order.forEach((i, position) => {
    const previous = position > 0 ? order[position - 1] : -1;
    const shared = previous >= 0 && first[previous] === first[i] && second[previous] === second[i];
    const speaker = speakers[i];
    rows.push({
      rank: !eligible(i) ? null : shared ? rows[position - 1].rank : position + 1,
      speakerId: speaker.id,
      name: speaker.name,
      teamId: speaker.teamId,
      total: total[i],
      average: average(i),
      replyTotal: replyTotal[i],
      replyAverage: replyCount[i] > 0 ? replyTotal[i] / replyCount[i] : null,
      speeches: count[i],
      replies: replyCount[i],
    });
  });
  return rows;
}
