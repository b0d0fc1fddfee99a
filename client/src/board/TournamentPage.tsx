import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Bracket } from './Bracket.js';
import { Loading, Table, flashed, number, roundLabel, sideLabel, statusLabel } from './common.js';
import { t } from './i18n.js';
import { follow } from './live-board.js';
import { navigate } from './router.js';
import { applyTournament, tournamentSnapshot } from './state.js';
import type { DebateView, TournamentBoard } from './types.js';

type Tab = 'draw' | 'teams' | 'speakers' | 'bracket';
const TABS: Tab[] = ['draw', 'teams', 'speakers', 'bracket'];

export const followTournament = (id: string) => follow('tournament', id, tournamentSnapshot, applyTournament);

const teamNames = (b: TournamentBoard) => new Map(b.tournament.teams.map((x) => [x.teamId, x.teamName]));

export function TournamentPage(props: { id: string; tab: Tab }) {
  const board = followTournament(props.id).value;
  if (!board) return <Loading />;
  const base = `/board/tournament/${props.id}`;
  return (
    <>
      <h1>{board.tournament.name}</h1>
      <p class="muted">
        {statusLabel(board.tournament.status)}
        {board.currentRound && ` · ${roundLabel(board.currentRound)}`} ·{' '}
        <a href={`${base}/${props.tab}/screen`}>{t('common.projector')}</a>
      </p>
      <nav class="tabs" aria-label={board.tournament.name}>
        {TABS.map((tab) => (
          <a key={tab} href={`${base}/${tab}`} aria-current={tab === props.tab ? 'page' : undefined}>
            {t(`tab.${tab}`)}
          </a>
        ))}
      </nav>
      {props.tab === 'draw' && <Draw board={board} order="room" />}
      {props.tab === 'teams' && <TeamTab board={board} />}
      {props.tab === 'speakers' && <SpeakerTab board={board} />}
      {props.tab === 'bracket' && <Bracket bracket={board.bracket} names={teamNames(board)} />}
    </>
  );
}

function Motion(props: { board: TournamentBoard }) {
  const round = props.board.currentRound!;
  return (
    <div class={`motion${flashed('draw', 'motion')}`}>
      <h2>
        {roundLabel(round)} · {t('draw.motion')}
      </h2>
      {round.infoSlide && <p class="info-slide">{round.infoSlide}</p>}
      <p class="motion-text">{round.motion ?? t('draw.motionHidden')}</p>
      {round.silent && <p class="muted">{t('draw.silent')}</p>}
    </div>
  );
}

function DebateCard(props: { board: TournamentBoard; debate: DebateView }) {
  const { board, debate } = props;
  const labels = board.tournament.formatSpec.labels?.sides;
  const ballots = board.ballots[debate.id];
  const ranking = debate.result?.ranking ?? null;
  return (
    <li class={`debate${flashed(`debate:${debate.id}`, 'draw')}`} data-debate={debate.id}>
      <h3>{t('draw.room', { room: debate.room })}</h3>
      <ul class="sides">
        {debate.teams.map((team) => {
          const place = ranking && ranking.length > 2 ? ranking.indexOf(team.teamId) + 1 : 0;
          const won =
            debate.result?.winnerTeamId === team.teamId || (ranking?.length === 2 && ranking[0] === team.teamId);
          return (
            <li key={team.teamId} class={won ? 'won' : ''}>
              <span class="side">{sideLabel(labels, team.side)}</span> <strong>{team.teamName}</strong>
              {won && <span class="badge">{t('draw.won')}</span>}
              {place > 0 && <span class="badge">{t('draw.place', { place })}</span>}
            </li>
          );
        })}
      </ul>
      <p class="panel">
        {debate.panel.map((p) => `${p.name} (${t(p.role === 'chair' ? 'draw.chair' : 'draw.wing')})`).join(', ')}
      </p>
      <p class="progress">
        {debate.status === 'confirmed'
          ? t('draw.confirmed')
          : ballots
            ? t('draw.ballots', { in: ballots.in, of: ballots.of })
            : ''}
      </p>
    </li>
  );
}

export function Draw(props: { board: TournamentBoard; order: 'room' | 'team' }) {
  const round = props.board.currentRound;
  if (!round) return <p class="muted">{t('draw.none')}</p>;
  if (props.order === 'team') {
    const labels = props.board.tournament.formatSpec.labels?.sides;
    const rows = round.debates
      .flatMap((d) => d.teams.map((x) => ({ ...x, room: d.room, debateId: d.id })))
      .sort((a, b) => a.teamName.localeCompare(b.teamName));
    return (
      <>
        <Motion board={props.board} />
        <Table
          caption={t('draw.byTeam')}
          head={
            <tr>
              <th scope="col">{t('common.team')}</th>
              <th scope="col">{t('draw.roomHeader')}</th>
            </tr>
          }
        >
          {rows.map((r) => (
            <tr key={r.teamId} class={flashed(`debate:${r.debateId}`)}>
              <td>{r.teamName}</td>
              <td>
                {t('draw.room', { room: r.room })} · {sideLabel(labels, r.side)}
              </td>
            </tr>
          ))}
        </Table>
      </>
    );
  }
  return (
    <>
      <Motion board={props.board} />
      <ol class="debates">
        {round.debates.map((d) => (
          <DebateCard key={d.id} board={props.board} debate={d} />
        ))}
      </ol>
    </>
  );
}

export function TeamTab(props: { board: TournamentBoard }) {
  const rows = props.board.standings;
  if (!rows.length) return <p class="muted">{t('teams.empty')}</p>;
  return (
    <Table
      caption={t('tab.teams')}
      head={
        <tr>
          <th scope="col">{t('common.rank')}</th>
          <th scope="col">{t('common.team')}</th>
          <th scope="col">{t('teams.points')}</th>
          <th scope="col">{t('teams.wins')}</th>
          <th scope="col">{t('teams.speaks')}</th>
        </tr>
      }
    >
      {rows.map((r) => (
        <tr key={r.teamId} class={flashed(`team:${r.teamId}`)} data-team={r.teamId}>
          <td>{r.rank}</td>
          <td>{r.teamName}</td>
          <td>{number(r.points)}</td>
          <td>{number(r.wins)}</td>
          <td>{number(r.speakerTotal)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function SpeakerTab(props: { board: TournamentBoard }) {
  const rows = props.board.speakers.filter((r) => r.total > 0 || r.rank !== null);
  if (!props.board.speakers.some((r) => r.total > 0)) return <p class="muted">{t('speakers.empty')}</p>;
  const names = teamNames(props.board);
  return (
    <Table
      caption={t('tab.speakers')}
      head={
        <tr>
          <th scope="col">{t('common.rank')}</th>
          <th scope="col">{t('speakers.name')}</th>
          <th scope="col">{t('common.team')}</th>
          <th scope="col">{t('speakers.total')}</th>
          <th scope="col">{t('speakers.average')}</th>
        </tr>
      }
    >
      {rows.map((r) => (
        <tr key={r.speakerId} class={flashed(`speaker:${r.speakerId}`)}>
          <td>{r.rank ?? '—'}</td>
          <td>{r.name}</td>
          <td>{names.get(r.teamId) ?? ''}</td>
          <td>{number(r.total)}</td>
          <td>{number(r.average)}</td>
        </tr>
      ))}
    </Table>
  );
}

const SCENES = ['draw', 'motion', 'bracket', 'teams'] as const;
type Scene = (typeof SCENES)[number];

/**
 * The venue's screen: large type; the draw scrolls by itself (by room, or `?order=team` by team name); a motion
 * slide revealed by the presenter (→, space, PageDown: what clickers send); the bracket full screen; the team tab.
 * Keys 1–4 switch scenes. A new draw arrives with its motion covered until the presenter reveals it.
 */
export function TournamentScreen(props: { id: string; query: URLSearchParams; tab: Tab }) {
  const board = followTournament(props.id).value;
  const initial =
    (props.query.get('scene') as Scene | null) ??
    (props.tab === 'bracket' ? 'bracket' : props.tab === 'teams' ? 'teams' : 'draw');
  const [scene, setScene] = useState<Scene>(SCENES.includes(initial) ? initial : 'draw');
  const [motionShown, setMotionShown] = useState(false);
  const order = props.query.get('order') === 'team' ? 'team' : 'room';
  const roundSeq = board?.currentRound?.seq;
  const seen = useRef(roundSeq);
  useEffect(() => {
    if (seen.current !== undefined && roundSeq !== seen.current) {
      setScene('motion');
      setMotionShown(false);
    }
    seen.current = roundSeq;
  }, [roundSeq]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const index = ['1', '2', '3', '4'].indexOf(event.key);
      if (index >= 0) setScene(SCENES[index]);
      if (scene === 'motion' && (event.key === 'ArrowRight' || event.key === ' ' || event.key === 'PageDown')) {
        event.preventDefault();
        setMotionShown(true);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [scene]);
  const scroller = useAutoScroll(scene === 'draw' || scene === 'teams');
  if (!board) return <Loading />;
  const round = board.currentRound;
  return (
    <div class={`screen scene-${scene}`}>
      <header class="screen-head">
        <h1>{board.tournament.name}</h1>
        <nav aria-label={t('screen.scenes')}>
          {SCENES.map((s, i) => (
            <button key={s} type="button" aria-pressed={s === scene} onClick={() => setScene(s)}>
              {i + 1}. {s === 'motion' ? t('screen.motion') : t(`tab.${s}`)}
            </button>
          ))}
        </nav>
      </header>
      {scene === 'motion' && round && (
        <section class="slide" aria-live="polite">
          <p class="slide-round">{roundLabel(round)}</p>
          {motionShown ? (
            <>
              {round.infoSlide && <p class="slide-info">{round.infoSlide}</p>}
              <p class={`slide-motion${flashed('draw', 'motion')}`}>{round.motion ?? t('draw.motionHidden')}</p>
            </>
          ) : (
            <button type="button" class="reveal" onClick={() => setMotionShown(true)}>
              {t('screen.reveal')}
            </button>
          )}
          <p class="muted keys">{t('screen.keys')}</p>
        </section>
      )}
      {scene === 'motion' && !round && <p>{t('draw.none')}</p>}
      {(scene === 'draw' || scene === 'teams') && (
        <div
          class="autoscroll"
          ref={scroller}
          tabIndex={0}
          role="region"
          aria-label={t(scene === 'draw' ? 'tab.draw' : 'tab.teams')}
        >
          {scene === 'draw' ? (
            <>
              <p class="draw-order">
                <a
                  href={`?projector=1&scene=draw&order=room`}
                  onClick={(e) => (e.preventDefault(), navigate(`/board/tournament/${props.id}/screen?order=room`))}
                >
                  {t('draw.byRoom')}
                </a>{' '}
                ·{' '}
                <a
                  href={`?projector=1&scene=draw&order=team`}
                  onClick={(e) => (e.preventDefault(), navigate(`/board/tournament/${props.id}/screen?order=team`))}
                >
                  {t('draw.byTeam')}
                </a>
              </p>
              <Draw board={board} order={order} />
            </>
          ) : (
            <TeamTab board={board} />
          )}
        </div>
      )}
      {scene === 'bracket' && <Bracket bracket={board.bracket} names={teamNames(board)} />}
    </div>
  );
}

/** Scrolls the element down slowly, pauses at the end, and starts over (a draw longer than the screen). */
function useAutoScroll(active: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const reduced = useMemo(() => matchMedia('(prefers-reduced-motion: reduce)').matches, []);
  useEffect(() => {
    const el = ref.current;
    if (!active || !el) return;
    let last = performance.now();
    let pauseUntil = last + 3000;
    let frame = 0;
    let pos = el.scrollTop;
    const step = (now: number) => {
      const dt = now - last;
      last = now;
      if (now >= pauseUntil) {
        const end = el.scrollHeight - el.clientHeight;
        if (el.scrollTop >= end - 1) {
          el.scrollTop = pos = 0;
          pauseUntil = now + 3000;
        } else if (reduced) {
          // Page by page instead of a glide.
          el.scrollTop = Math.min(end, el.scrollTop + el.clientHeight * 0.8);
          pauseUntil = now + 6000;
        } else {
          // A float of our own: the browser rounds scrollTop, and a glide moves under a pixel a frame.
          pos = Math.min(end, Math.max(pos, el.scrollTop - 1) + dt * 0.04);
          el.scrollTop = pos;
          if (pos >= end - 1) pauseUntil = now + 4000;
        }
      }
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [active, reduced]);
  return ref;
}
