import { signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, request } from '../shared/api.js';
import { pick } from '../shared/i18n.js';
import { Loading, Table, flashed, number } from './common.js';
import { t } from './i18n.js';
import { follow } from './live-board.js';
import { applyChampionship, championshipSnapshot } from './state.js';
import type { CaseRow, ChampionshipBoard } from './types.js';

const followChampionship = (id: string) => follow('championship', id, championshipSnapshot, applyChampionship);

const rowKey = (r: CaseRow, i: number) => (r.teamId ? `team:${r.teamId}` : `row:${i}`);

function criterionName(board: ChampionshipBoard, key: string, fallback: string): string {
  const names = board.championship.criteria.find((c) => c.key === key)?.names;
  return names ? pick(names) : fallback;
}

function Leaderboard(props: { board: ChampionshipBoard }) {
  const { board } = props;
  const { standings } = board;
  if (board.championship.stage === 'qualifying') return <p class="muted">{t('case.rooms')}</p>;
  if (!standings.rows.length) return <p class="muted">{t('case.empty')}</p>;
  return (
    <Table
      caption={t('case.leaderboard')}
      head={
        <tr>
          <th scope="col">{t('common.rank')}</th>
          <th scope="col">{t('common.team')}</th>
          {/* The total before the breakdown: on a phone it is in view without scrolling sideways. */}
          <th scope="col">{t('case.total')}</th>
          {standings.criteria.map((c) => (
            <th scope="col" key={c.key} class="criterion">
              {criterionName(board, c.key, c.name)}
            </th>
          ))}
        </tr>
      }
    >
      {standings.rows.map((r, i) => (
        <tr
          key={rowKey(r, i)}
          class={`${r.hidden ? 'hidden-row' : r.qualified ? 'qualified' : ''}${flashed(rowKey(r, i))}`}
          data-row={i}
        >
          <td>{r.rank ?? '—'}</td>
          <td>{r.hidden ? <span class="muted">{t('case.hidden')}</span> : r.teamName}</td>
          <td>
            <strong>{r.hidden ? '' : number(r.total)}</strong>
          </td>
          {standings.criteria.map((c) => (
            <td key={c.key}>{r.hidden ? '' : number(r.perCriterion?.[c.key])}</td>
          ))}
        </tr>
      ))}
    </Table>
  );
}

function Qualifiers(props: { board: ChampionshipBoard }) {
  const { standings } = props.board;
  const rows = standings.rows.filter((r) => r.qualified && !r.hidden);
  return (
    <section>
      <h2>{t('case.qualifiers')}</h2>
      {standings.frozen || !rows.length ? (
        <p class="muted">{t('case.noQualifiers')}</p>
      ) : (
        <ol class="qualifiers">
          {rows.map((r) => (
            <li key={r.teamId}>
              {r.teamName}
              {r.placedBy && r.placedBy !== 'overall' && <span class="badge">{placedBy(r.placedBy)}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function placedBy(rule: string): string {
  return rule === 'quota:rural'
    ? t('case.placedBy.quota:rural')
    : rule === 'quota:oblast'
      ? t('case.placedBy.quota:oblast')
      : t('case.placedBy.overall');
}

function FrozenBanner(props: { board: ChampionshipBoard }) {
  const { standings } = props.board;
  if (!standings.frozen) return null;
  return (
    <p class="banner" role="status">
      {t('case.frozen')} {t('case.revealedOf', { revealed: standings.revealed, count: standings.rows.length })}
    </p>
  );
}

export function ChampionshipPage(props: { id: string }) {
  const board = followChampionship(props.id).value;
  if (!board) return <Loading />;
  return (
    <>
      <h1>{board.championship.title}</h1>
      <p class="muted">
        {board.championship.stage === 'final' && `${t('case.stage.final')} · `}
        <a href={`/board/championship/${props.id}/screen`}>{t('common.projector')}</a>
      </p>
      <FrozenBanner board={board} />
      <h2>{t('case.leaderboard')}</h2>
      <Leaderboard board={board} />
      <Qualifiers board={board} />
    </>
  );
}

/** The organiser's token for the reveal ceremony: this tab only (sessionStorage), never the audience's pages. */
const organiserToken = signal<string | null>(sessionStorage.getItem('orleu.board.organiser'));

function SignIn() {
  const [failed, setFailed] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    try {
      const reply = await request<{ accessToken: string }>('/api/auth/login', {
        method: 'POST',
        body: { username: form.get('username'), password: form.get('password') },
      });
      sessionStorage.setItem('orleu.board.organiser', reply.accessToken);
      organiserToken.value = reply.accessToken;
    } catch {
      setFailed(true);
    }
  };
  return (
    <form class="signin" onSubmit={submit}>
      <h2>{t('screen.signIn')}</h2>
      <label>
        {t('screen.username')} <input name="username" autoComplete="username" required />
      </label>
      <label>
        {t('screen.password')} <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit">{t('screen.submit')}</button>
      {failed && <p role="alert">{t('screen.badLogin')}</p>}
    </form>
  );
}

/**
 * The venue's leaderboard: large type, and the freeze-and-reveal ceremony stepped by a signed-in organiser with
 * →, space or PageDown (what presenter clickers send). Each step is the server's reveal; the screen shows only
 * what the server's next `reveal` event shows, so a hidden row is never on this page before its turn.
 */
export function ChampionshipScreen(props: { id: string }) {
  const board = followChampionship(props.id).value;
  const token = organiserToken.value;
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const current = version ?? board?.championship.version ?? 0;
  const busy = useRef(false);
  const post = (action: 'reveal' | 'freeze', at: number) =>
    request<{ version: number }>(`/api/case-championships/${props.id}/${action}?version=${at}`, {
      method: 'POST',
      token: token!,
    });
  const step = async (action: 'reveal' | 'freeze') => {
    // One step at a time: a clicker pressed twice must not send two steps with one version.
    if (!token || busy.current) return;
    busy.current = true;
    try {
      let view: { version: number };
      try {
        view = await post(action, current);
      } catch (e) {
        // A stale version (the board changed since this page read it): read the current one and step once more.
        if (!(e instanceof ApiError && e.status === 409 && /version|stale/i.test(e.message))) throw e;
        const fresh = await request<{ version: number }>(`/api/case-championships/${props.id}`, { token });
        view = await post(action, fresh.version);
      }
      setVersion(view.version);
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        sessionStorage.removeItem('orleu.board.organiser');
        organiserToken.value = null;
      }
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      busy.current = false;
    }
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.target as Element | null)?.closest?.('input')) return;
      if (event.key === 'ArrowRight' || event.key === ' ' || event.key === 'PageDown') {
        event.preventDefault();
        void step('reveal');
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
  if (!board) return <Loading />;
  return (
    <div class="screen">
      <header class="screen-head">
        <h1>{board.championship.title}</h1>
      </header>
      <FrozenBanner board={board} />
      <Leaderboard board={board} />
      <aside class="presenter">
        {token ? (
          <>
            <p>{board.standings.frozen ? t('screen.signedIn') : ''}</p>
            {!board.standings.frozen && (
              <button type="button" onClick={() => void step('freeze')}>
                {t('screen.freeze')}
              </button>
            )}
            <button
              type="button"
              class="link"
              onClick={() => {
                sessionStorage.removeItem('orleu.board.organiser');
                organiserToken.value = null;
              }}
            >
              {t('screen.signOut')}
            </button>
            {error && <p role="alert">{t('screen.failed', { reason: error })}</p>}
          </>
        ) : (
          <SignIn />
        )}
      </aside>
    </div>
  );
}
