import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n.js';
import { auth, signInWithCode } from '../session.js';

const REASONS = {
  revoked: 'signin.revoked',
  badCode: 'signin.badCode',
  offline: 'signin.offline',
  expired: 'signin.expired',
} as const;

export function SignInScreen() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const state = auth.value;
  const reason = state.kind === 'signedOut' ? state.reason : undefined;
  const go = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    await signInWithCode(code);
    setBusy(false);
  };
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('signin.title')}
      </h1>
      {reason && (
        <p class="problem" role="alert">
          {t(REASONS[reason])}
        </p>
      )}
      <p>{t('signin.intro')}</p>
      <form class="card" onSubmit={go}>
        <label for="access-code">{t('signin.code')}</label>
        <input
          id="access-code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          value={code}
          onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="btn primary" disabled={busy || code.trim() === ''}>
          {busy ? t('signin.busy') : t('signin.submit')}
        </button>
      </form>
    </section>
  );
}
