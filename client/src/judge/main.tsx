import { effect } from '@preact/signals';
import { render } from 'preact';
import { locale } from '../shared/i18n.js';
import { connectLive } from '../shared/live.js';
import { flush, onAccepted, startOutbox } from '../shared/outbox.js';
import { cacheShell } from '../shared/shell-cache.js';
import { App } from './App.js';
import { startRouter } from './router.js';
import { auth, currentToken, renewSession, startSession } from './session.js';
import './styles.css';
import { loadFormats, loadWork, reloadSoon, work } from './work-store.js';

document.documentElement.lang = locale.value;
render(<App />, document.getElementById('app')!);
cacheShell();
startRouter();

let live: ReturnType<typeof connectLive> | undefined;
let liveToken: string | undefined;

void (async () => {
  await startSession();
  await startOutbox({ token: currentToken, renew: renewSession });
  onAccepted(() => reloadSoon());
  void loadFormats().catch(() => undefined);
  // Sign-in, token renewal and sign-out all pass through `auth`: (re)connect the live socket with the token in force.
  effect(() => {
    const state = auth.value;
    const token = state.kind === 'signedIn' ? state.session.accessToken : undefined;
    if (token === liveToken) return;
    live?.close();
    live = undefined;
    liveToken = token;
    if (!token) return;
    void loadWork().catch(() => undefined);
    flush(true);
    live = connectLive({
      token,
      rooms: () => [
        ...[...new Set(work.value?.debates.map((d) => d.tournamentId) ?? [])].map((id) => ({
          kind: 'tournament' as const,
          id,
        })),
        ...(work.value?.championships ?? []).map((c) => ({ kind: 'championship' as const, id: c.championshipId })),
      ],
      onEvent: () => reloadSoon(),
      onConnect: () => {
        flush(true);
        reloadSoon();
      },
      onUnauthorised: () => void renewSession(),
    });
  });
  // New tournaments on the list (a first draw released): follow them too.
  effect(() => {
    void work.value;
    live?.resubscribe();
  });
})();
