import { t } from './i18n.js';
import { elimName, flashed } from './common.js';
import { advancing, championPath } from './state.js';
import type { BracketView } from './types.js';

/**
 * The elimination bracket from the data: one column per round, one box per match (two teams, or a BP room of
 * four), seeds, byes, winners, and the champion's path. The wrapper scrolls sideways on a phone.
 */
export function Bracket(props: { bracket: BracketView; names: Map<string, string> }) {
  const { bracket, names } = props;
  if (!bracket.rounds.length) return <p class="muted">{t('bracket.none')}</p>;
  const path = championPath(bracket);
  const name = (id: string | null) => (id ? (names.get(id) ?? '—') : null);
  return (
    <div class="bracket-wrap" role="region" aria-label={t('tab.bracket')} tabIndex={0}>
      {bracket.champion && <p class="champion">{t('bracket.champion', { team: name(bracket.champion) ?? '' })}</p>}
      <ol class="bracket" style={{ gridTemplateColumns: `repeat(${bracket.rounds.length}, minmax(13rem, 1fr))` }}>
        {bracket.rounds.map((round, r) => (
          <li class="bracket-round" key={round.name}>
            <h3>{elimName(round.name)}</h3>
            <ol class="matches">
              {round.debates.map((match) => {
                const goingOn = new Set(advancing(match, r === bracket.rounds.length - 1));
                const place = (id: string | null) => (id && match.ranking ? match.ranking.indexOf(id) + 1 : 0);
                return (
                  <li
                    key={match.id}
                    class={`match${match.teamIds.length === 4 ? ' room4' : ''}${path.has(match.id) ? ' path' : ''}${flashed(`match:${match.id}`)}`}
                    data-match={match.id}
                  >
                    {match.teamIds.map((teamId, slot) => (
                      <div
                        key={slot}
                        class={`slot${teamId && goingOn.has(teamId) ? ' won' : ''}${teamId && teamId === bracket.champion ? ' champ' : ''}`}
                      >
                        <span
                          class="seed"
                          aria-label={match.seeds[slot] ? t('common.seed', { seed: match.seeds[slot]! }) : undefined}
                        >
                          {match.seeds[slot] ?? ''}
                        </span>
                        <span class="name">
                          {teamId ? (
                            name(teamId)
                          ) : (
                            <em class="muted">{match.bye || r === 0 ? t('common.bye') : t('common.waiting')}</em>
                          )}
                        </span>
                        {match.teamIds.length === 4 && place(teamId) > 0 && <span class="place">{place(teamId)}</span>}
                        {teamId && goingOn.has(teamId) && <span class="sr-only"> — {t('bracket.advances')}</span>}
                      </div>
                    ))}
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
      {path.size > 0 && (
        <p class="legend">
          <span class="legend-path" /> {t('bracket.path')}
        </p>
      )}
    </div>
  );
}
