import { useState } from 'preact/hooks';
import { ApiError } from '../../shared/api.js';
import { signIn } from '../api.js';
import { t } from '../i18n.js';
import { ErrorLine } from '../ui.js';

export function SignIn() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [bad, setBad] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setBad(false);
    try {
      await signIn(username.trim(), password);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) setBad(true);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="signin">
      <h1>{t('signin.title')}</h1>
      <form onSubmit={submit}>
        <label>
          {t('signin.username')}
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onInput={(e) => setUsername((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          {t('signin.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('signin.busy') : t('signin.submit')}
        </button>
        {bad && (
          <p class="error" role="alert">
            {t('signin.bad')}
          </p>
        )}
        <ErrorLine error={error} />
      </form>
    </section>
  );
}
