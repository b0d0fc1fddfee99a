import { LOCALES, locale, setLocale, type Locale } from '../shared/i18n.js';
import { session, signOut } from './api.js';
import { t } from './i18n.js';
import { go, match, path } from './router.js';
import { Cards } from './screens/Cards.js';
import { CheckInScreen } from './screens/CheckIn.js';
import { ChampionshipScreen } from './screens/Championship.js';
import { CupScreen } from './screens/Cup.js';
import { Home } from './screens/Home.js';
import { Judges } from './screens/Judges.js';
import { RoundScreen } from './screens/Round.js';
import { Season } from './screens/Season.js';
import { SignIn } from './screens/SignIn.js';
import { Teams } from './screens/Teams.js';
import { TournamentScreen } from './screens/Tournament.js';
import { ConfirmDialog } from './ui.js';

const LANGUAGE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

function Screen() {
  const at = path.value;
  let params: Record<string, string> | null;
  if ((params = match('/console/tournaments/:id/rounds/:seq/check-in', at)))
    return <CheckInScreen id={params.id} seq={Number(params.seq)} />;
  if ((params = match('/console/tournaments/:id/rounds/:seq', at)))
    return <RoundScreen id={params.id} seq={Number(params.seq)} />;
  if ((params = match('/console/tournaments/:id', at))) return <TournamentScreen id={params.id} />;
  if ((params = match('/console/championships/:id', at))) return <ChampionshipScreen id={params.id} />;
  if ((params = match('/console/cups/:id', at))) return <CupScreen id={params.id} />;
  if (match('/console/season', at)) return <Season />;
  if (match('/console/teams', at)) return <Teams />;
  if (match('/console/judges', at)) return <Judges />;
  if (match('/console/judges/cards', at)) return <Cards />;
  return <Home />;
}

export function App() {
  void locale.value;
  const who = session.value;
  const at = path.value;
  const current = (href: string) => (at === href ? 'page' : undefined);
  return (
    <>
      <header class="top no-print">
        <span class="brand">{t('app.title')}</span>
        {who && (
          <nav aria-label={t('nav.label')}>
            <a href="/console" aria-current={current('/console')} onClick={navigate}>
              {t('nav.home')}
            </a>
            <a href="/console/teams" aria-current={current('/console/teams')} onClick={navigate}>
              {t('nav.teams')}
            </a>
            <a href="/console/judges" aria-current={current('/console/judges')} onClick={navigate}>
              {t('nav.judges')}
            </a>
          </nav>
        )}
        <label class="lang">
          <span>{t('lang.label')}</span>
          <select value={locale.value} onChange={(e) => setLocale((e.target as HTMLSelectElement).value as Locale)}>
            {LOCALES.map((l) => (
              <option value={l} key={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        {who && (
          <span class="who">
            <span>{t('signin.as', { name: who.username, role: who.role })}</span>
            <button type="button" onClick={signOut}>
              {t('signin.signOut')}
            </button>
          </span>
        )}
      </header>
      <main>{who ? <Screen /> : <SignIn />}</main>
      <ConfirmDialog />
    </>
  );
}

function navigate(event: MouseEvent) {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  go(anchor.pathname);
}
