/** Delay before retry number `attempt` (1-based): 1 s, 2 s, 4 s … capped at 30 s, plus up to 20 % jitter so a
 * room of tablets coming back online together does not retry in lock-step. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 + 0.2 * random()));
}
