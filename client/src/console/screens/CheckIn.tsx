import { useState } from 'preact/hooks';
import { call } from '../api.js';
import type { Availability } from '../data.js';
import { t } from '../i18n.js';
import { useLive } from '../live.js';
import { confirmAction, ErrorLine, Link, useAction, useLoad } from '../ui.js';

type Item = Availability['items'][number];

/**
 * The check-in desk for a round not yet released: teams and judges with their mark, a search box (Enter checks in
 * the one match), a big toggle per row and check-in of every row shown at once.
 */
export function CheckInScreen({ id, seq }: { id: string; seq: number }) {
  const list = useLoad(() => call<Availability>(`/api/tournaments/${id}/rounds/${seq}/availability`), [id, seq]);
  useLive('tournament', id, () => list.reload());
  const action = useAction();
  const [query, setQuery] = useState('');
  const data = list.data;
  const shown = (data?.items ?? []).filter(
    (x) => x.active && x.name.toLocaleLowerCase().includes(query.trim().toLocaleLowerCase()),
  );

  const mark = async (items: Item[], available: boolean) => {
    const body = {
      teamIds: items.filter((x) => x.kind === 'team').map((x) => x.id),
      judgeIds: items.filter((x) => x.kind === 'judge').map((x) => x.id),
      available,
    };
    const next = await action.run(() =>
      call<Availability>(`/api/tournaments/${id}/rounds/${seq}/check-ins`, { method: 'POST', body }),
    );
    if (next) list.reload();
  };
  const markAll = async (kind: Item['kind'], available: boolean) => {
    const items = shown.filter((x) => x.kind === kind);
    if (!items.length) return;
    const text = t(available ? 'checkin.allInConfirm' : 'checkin.allOutConfirm', { count: items.length });
    if (!(await confirmAction(text, t(available ? 'checkin.allIn' : 'checkin.allOut')))) return;
    await mark(items, available);
  };
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (shown.length !== 1) return;
    void mark(shown, shown[0].checkedIn !== true);
    setQuery('');
  };

  if (!data) return <ErrorLine error={list.error} />;
  const section = (kind: Item['kind']) => {
    const rows = shown.filter((x) => x.kind === kind);
    const inUse = kind === 'team' ? data.teamCheckInInUse : data.judgeCheckInInUse;
    const all = data.items.filter((x) => x.kind === kind && x.active);
    const title = kind === 'team' ? t('tournament.teams') : t('tournament.judges');
    return (
      <section class="panel" aria-labelledby={`checkin-${kind}`}>
        <h2 id={`checkin-${kind}`}>
          {title} · {t('checkin.count', { done: all.filter((x) => x.checkedIn === true).length, total: all.length })}
        </h2>
        <p class="hint">{inUse ? t('checkin.inUse') : t('checkin.notInUse')}</p>
        <div class="actions">
          <button type="button" disabled={action.busy || !rows.length} onClick={() => void markAll(kind, true)}>
            {t('checkin.allIn')}
            <span class="sr-only"> · {title}</span>
          </button>
          <button type="button" disabled={action.busy || !rows.length} onClick={() => void markAll(kind, false)}>
            {t('checkin.allOut')}
            <span class="sr-only"> · {title}</span>
          </button>
        </div>
        <ul class="checkin">
          {rows.map((x) => (
            <li key={x.id} data-checked={String(x.checkedIn)}>
              <span class="name">{x.name}</span>
              <span class={x.available ? 'ok' : 'warn'}>
                {x.checkedIn === null ? t('checkin.unmarked') : x.checkedIn ? t('checkin.in') : t('checkin.out')}
                {' · '}
                {x.available ? t('checkin.available') : t('checkin.unavailable')}
              </span>
              <button
                type="button"
                class={x.checkedIn ? 'toggle on' : 'toggle'}
                aria-pressed={x.checkedIn === true}
                disabled={action.busy}
                onClick={() => void mark([x], x.checkedIn !== true)}
              >
                {t('checkin.toggle')}
                <span class="sr-only"> · {x.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  };
  return (
    <section>
      <p class="no-print">
        <Link href={`/console/tournaments/${id}`}>{t('common.back')}</Link>
      </p>
      <h1>{t('checkin.title', { seq })}</h1>
      <p class="hint">{t('checkin.intro')}</p>
      <label>
        {t('common.search')}
        <input
          type="search"
          value={query}
          autoFocus
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          onKeyDown={onSearchKey}
        />
      </label>
      <ErrorLine error={action.error} />
      <div class="columns">
        {section('team')}
        {section('judge')}
      </div>
    </section>
  );
}
