import { useEffect, useRef } from 'preact/hooks';
import { connectLive } from '../shared/live.js';
import { session } from './api.js';

/**
 * Follows one tournament, championship or cup on `/live` while the screen is open: any event there (a score, a
 * confirmation's standings, a draw, the bracket) calls `onNews` once per burst, and once on every (re)connect so
 * nothing missed while away stays missed.
 */
export function useLive(kind: 'tournament' | 'championship' | 'cup', id: string, onNews: () => void): void {
  const latest = useRef(onNews);
  latest.current = onNews;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), 150);
    };
    const live = connectLive({
      token: session.value?.token ?? '',
      rooms: () => [{ kind, id }],
      onEvent: soon,
      onConnect: soon,
      onUnauthorised: () => undefined,
    });
    return () => {
      clearTimeout(timer);
      live.close();
    };
  }, [kind, id]);
}
