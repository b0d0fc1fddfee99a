import { signal } from '@preact/signals';

/** The console's address, under /console (the server answers every such path with the console's page). */
export const path = signal(typeof location === 'undefined' ? '/console' : location.pathname);

export function go(to: string): void {
  if (to === location.pathname) return;
  history.pushState(null, '', to);
  path.value = to;
  window.scrollTo(0, 0);
}

export function startRouter(): void {
  window.addEventListener('popstate', () => (path.value = location.pathname));
}

/** `/console/tournaments/:id/rounds/:seq` → the named parts, or null when the pattern does not match. */
export function match(pattern: string, at: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = at.replace(/\/$/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}
