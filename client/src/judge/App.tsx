import { useEffect } from 'preact/hooks';
import { LOCALES, locale, setLocale, t, type Locale } from '../shared/i18n.js';
import { liveConnected } from '../shared/live.js';
import { route } from './router.js';
import { BallotScreen } from './screens/BallotScreen.js';
import { SheetScreen } from './screens/SheetScreen.js';
import { SignInScreen } from './screens/SignInScreen.js';
import { WorkScreen } from './screens/WorkScreen.js';
import { auth, signOut } from './session.js';

const LANGUAGE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function App() {
  const state = auth.value;
  const current = route.value;
  useEffect(() => {
    document.title = t('app.title');
    document.getElementById('screen-title')?.focus();
  }, [current, state.kind, locale.value]);
  let screen;
  if (state.kind === 'starting') screen = <p role="status">{t('common.loading')}</p>;
  else if (state.kind === 'signedOut') screen = <SignInScreen />;
  else if (current.name === 'ballot') screen = <BallotScreen debateId={current.debateId} review={!!current.review} />;
  else if (current.name === 'sheet')
    screen = <SheetScreen championshipId={current.championshipId} teamId={current.teamId} />;
  else screen = <WorkScreen />;
  return (
    <>
      <header class="bar">
        <span class="brand">{t('app.title')}</span>
        {state.kind === 'signedIn' && (
          <span class={`live ${liveConnected.value ? 'on' : 'off'}`} role="status">
            {liveConnected.value ? t('live.on') : t('live.off')}
          </span>
        )}
        <div class="langs" role="group" aria-label={t('lang.label')}>
          {LOCALES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              class="btn lang"
              aria-pressed={locale.value === l}
              onClick={() => setLocale(l)}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
        {state.kind === 'signedIn' && (
          <button type="button" class="btn link" onClick={() => void signOut()}>
            {t('signin.signOut')}
          </button>
        )}
      </header>
      <main>{screen}</main>
    </>
  );
}
