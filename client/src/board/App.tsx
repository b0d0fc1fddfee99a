import { useMemo } from 'preact/hooks';
import { LOCALES, locale, setLocale, type Locale } from '../shared/i18n.js';
import { ChampionshipPage, ChampionshipScreen } from './ChampionshipPage.js';
import { CupPage } from './CupPage.js';
import { t } from './i18n.js';
import { IndexPage } from './IndexPage.js';
import { connection, unfollowExcept } from './live-board.js';
import { route } from './router.js';
import { TournamentPage, TournamentScreen } from './TournamentPage.js';

function LiveIndicator() {
  const state = connection.value;
  return (
    <p class={`live live-${state}`} role="status" aria-live="polite" data-live={state}>
      <span class="dot" aria-hidden="true" />
      {state === 'live' ? t('live.on') : state === 'connecting' ? t('live.connecting') : t('live.reconnecting')}
    </p>
  );
}

export function App() {
  const { page, projector, query } = route.value;
  const pageKey = 'id' in page ? `${page.name}:${page.id}` : page.name;
  // A new page follows only its own rooms (a socket takes at most ten subscriptions).
  useMemo(() => unfollowExcept([]), [pageKey]);
  document.documentElement.classList.toggle('projector', projector);
  return (
    <>
      <header class="top">
        <a class="home" href="/board">
          Orleu
        </a>
        <LiveIndicator />
        <label class="lang">
          <span class="sr-only">{t('lang.label')}</span>
          <select
            value={locale.value}
            onChange={(e) => setLocale((e.currentTarget as HTMLSelectElement).value as Locale)}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {l === 'kk' ? 'Қазақша' : l === 'ru' ? 'Русский' : 'English'}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        {page.name === 'index' && <IndexPage />}
        {page.name === 'cup' && <CupPage id={page.id} />}
        {page.name === 'tournament' &&
          (projector ? (
            <TournamentScreen id={page.id} tab={page.tab} query={query} />
          ) : (
            <TournamentPage id={page.id} tab={page.tab} />
          ))}
        {page.name === 'championship' &&
          (projector ? <ChampionshipScreen id={page.id} /> : <ChampionshipPage id={page.id} />)}
        {page.name === 'notFound' && <p>{t('common.notFound')}</p>}
      </main>
    </>
  );
}
