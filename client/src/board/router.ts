import { signal } from '@preact/signals';

export type Page =
  | { name: 'index' }
  | { name: 'cup'; id: string }
  | { name: 'tournament'; id: string; tab: 'draw' | 'teams' | 'speakers' | 'bracket' }
  | { name: 'championship'; id: string }
  | { name: 'notFound' };

export interface Route {
  page: Page;
  /** Projector mode: `/board/…/screen` or `?projector=1`. */
  projector: boolean;
  query: URLSearchParams;
}

const UUID = '([0-9a-fA-F-]{36})';
const TABS = ['draw', 'teams', 'speakers', 'bracket'] as const;

export function parse(path: string, search: string): Route {
  const query = new URLSearchParams(search);
  let parts = path
    .replace(/^\/board\/?/, '')
    .split('/')
    .filter(Boolean);
  const projector = parts.at(-1) === 'screen' || query.get('projector') === '1';
  if (parts.at(-1) === 'screen') parts = parts.slice(0, -1);
  const [kind, id, tab] = parts;
  const page: Page = (() => {
    if (!kind) return { name: 'index' };
    if (!id || !new RegExp(`^${UUID}$`).test(id)) return { name: 'notFound' };
    if (kind === 'cup' && !tab) return { name: 'cup', id };
    if (kind === 'championship' && !tab) return { name: 'championship', id };
    if (kind === 'tournament' && (!tab || (TABS as readonly string[]).includes(tab))) {
      return { name: 'tournament', id, tab: (tab as (typeof TABS)[number] | undefined) ?? 'draw' };
    }
    return { name: 'notFound' };
  })();
  return { page, projector, query };
}

// `globalThis.location`: the unit tests import `parse` without a browser.
export const route = signal<Route>(parse(globalThis.location?.pathname ?? '/board', globalThis.location?.search ?? ''));

export function navigate(href: string): void {
  history.pushState(null, '', href);
  const url = new URL(href, location.href);
  route.value = parse(url.pathname, url.search);
  scrollTo(0, 0);
}

/** In-app links (`<a href="/board/…">`) change the page without a reload, so the live socket stays open. */
export function startRouter(): void {
  addEventListener('popstate', () => (route.value = parse(location.pathname, location.search)));
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    const href = link.getAttribute('href');
    if (!href?.startsWith('/board')) return;
    event.preventDefault();
    navigate(href);
  });
}
