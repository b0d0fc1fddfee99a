import { signal } from '@preact/signals';

export type Route =
  | { name: 'work' }
  | { name: 'ballot'; debateId: string; review?: boolean }
  | { name: 'sheet'; championshipId: string; teamId: string };

export const route = signal<Route>({ name: 'work' });

/** Screens live in history state (the address stays `/`), so the tablet's back gesture works. */
export function navigate(next: Route): void {
  history.pushState(next, '', '/');
  route.value = next;
  scrollTo(0, 0);
}

export function startRouter(): void {
  addEventListener('popstate', (event: PopStateEvent) => {
    route.value = (event.state as Route | null) ?? { name: 'work' };
  });
}
