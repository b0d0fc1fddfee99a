import { locale, pick, t } from '../../shared/i18n.js';
import { flush, outbox } from '../../shared/outbox.js';
import type { OutboxItem } from '../../shared/storage.js';
import { explain } from '../../shared/api.js';
import { navigate } from '../router.js';
import type { WorkChampionship, WorkDebate } from '../types.js';
import { formats, work, workIsSavedCopy } from '../work-store.js';
import { DebateHeading } from './common.js';

export function WorkScreen() {
  const list = work.value;
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('work.title')}
      </h1>
      {list && <p class="judge-name">{list.fullName}</p>}
      {workIsSavedCopy.value && (
        <p class="notice" role="status">
          {t('work.savedCopy')}
        </p>
      )}
      <Outbox />
      {!list ? (
        <p role="status">{t('common.loading')}</p>
      ) : list.debates.length === 0 && list.championships.length === 0 ? (
        <p class="empty">{t('work.empty')}</p>
      ) : null}
      {list && list.debates.length > 0 && (
        <>
          <h2>{t('work.debates')}</h2>
          <ul class="cards">
            {list.debates.map((d) => (
              <DebateCard key={d.debateId} debate={d} />
            ))}
          </ul>
        </>
      )}
      {list && list.championships.length > 0 && (
        <>
          <h2>{t('work.championships')}</h2>
          <ul class="cards">
            {list.championships.map((c) => (
              <ChampionshipCard key={c.championshipId} championship={c} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DebateCard({ debate }: { debate: WorkDebate }) {
  const format = formats.value[debate.format];
  const sideName = (code: string) => {
    const side = format?.sides.find((s) => s.code === code);
    return side ? pick(side.name) : code;
  };
  const open = debate.status === 'pending' && debate.roundStatus === 'released';
  const status =
    debate.status === 'confirmed'
      ? t('work.status.confirmed')
      : debate.needsConfirmation
        ? t('work.status.split')
        : debate.ballotIn
          ? t('work.status.in', { version: debate.ballotVersion ?? 1 })
          : t('work.status.awaiting');
  return (
    <li class="card">
      <DebateHeading debate={debate} />
      <p>
        <span class="badge">{t(debate.role === 'chair' ? 'work.role.chair' : 'work.role.wing')}</span>
      </p>
      <ul class="sides">
        {debate.teams.map((team) => (
          <li key={team.teamId}>
            <span class="side">{sideName(team.side)}</span> {team.name}
          </li>
        ))}
      </ul>
      <p class="status">{status}</p>
      {open && format && (
        <button
          type="button"
          class="btn primary"
          onClick={() => navigate({ name: 'ballot', debateId: debate.debateId })}
        >
          {debate.ballotIn ? t('work.resubmit') : t('work.enter')}
        </button>
      )}
    </li>
  );
}

function ChampionshipCard({ championship }: { championship: WorkChampionship }) {
  const open = championship.status === 'scoring';
  const left = championship.sheetsDue - championship.sheetsDone;
  return (
    <li class="card">
      <h3>{championship.title}</h3>
      <p class="progress">
        <strong>{t('work.progress', { done: championship.sheetsDone, due: championship.sheetsDue })}</strong>
        {left > 0 && <> · {t('work.left', { count: left })}</>}
      </p>
      {!open && <p class="status">{t('work.scoringClosed')}</p>}
      <ul class="teams">
        {championship.teams.map((team) => (
          <li key={team.teamId} class="team-row">
            <span>{team.name}</span>
            {team.conflict ? (
              <span class="badge conflict">{t(`work.conflict.${team.conflict}`)}</span>
            ) : open ? (
              <button
                type="button"
                class="btn secondary"
                aria-label={`${team.scoresheet ? t('work.rescore') : t('work.score')}: ${team.name}`}
                onClick={() =>
                  navigate({ name: 'sheet', championshipId: championship.championshipId, teamId: team.teamId })
                }
              >
                {team.scoresheet ? t('work.rescore') : t('work.score')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </li>
  );
}

function Outbox() {
  const items = outbox.value.slice(-8).reverse();
  if (items.length === 0) return null;
  return (
    <div class="outbox card" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outbox.title')}</h2>
      <ul aria-live="polite">
        {items.map((item) => (
          <li key={item.id} class={`outbox-item ${item.state}`} data-state={item.state}>
            <span>{t(item.label.key, item.label.params)}</span>
            <span class="state">{stateText(item)}</span>
            {item.state === 'rejected' && <ServerWords item={item} />}
          </li>
        ))}
      </ul>
      {items.some((i) => i.state === 'saved') && (
        <button type="button" class="btn secondary" onClick={() => flush(true)}>
          {t('outbox.retry')}
        </button>
      )}
    </div>
  );
}

const meaningOf = (item: OutboxItem) =>
  explain(item.error?.status ?? 400, item.error?.messages ?? [], item.error?.problems ?? []);

/** The server's English text, apart from the translated message, for the tab desk to read over the judge's shoulder. */
function ServerWords({ item }: { item: OutboxItem }) {
  const detail = meaningOf(item).detail;
  if (!detail) return null;
  return (
    <small class="server-words">
      {t('outbox.serverWords')} <span lang="en">{detail}</span>
    </small>
  );
}

function stateText(item: OutboxItem): string {
  void locale.value;
  switch (item.state) {
    case 'accepted':
      return t('outbox.accepted');
    case 'sending':
      return t('outbox.sending');
    case 'rejected':
      return t('outbox.rejected', { reason: t(meaningOf(item).key) });
    default:
      return item.attempts > 0 ? t('outbox.waiting', { count: item.attempts }) : t('outbox.saved');
  }
}
