import * as argon2 from 'argon2';

/**
 * The one set of argon2 parameters for every stored secret (organiser passwords, judges' access-code secrets).
 * OWASP's Password Storage Cheat Sheet lists argon2id with m=19 MiB, t=2, p=1 as its minimum configuration:
 * ~30 ms a hash on this 2-core machine instead of ~300 ms with the library's defaults (m=64 MiB, t=3, p=4), so
 * registering 2,000 judges or a burst of sign-ins at a venue does not hold the CPU for minutes, while an offline
 * guess still costs 19 MiB and two passes. Online guessing is limited by the sign-in throttle, not by this.
 * argon2 writes its parameters into each hash, so hashes made with other parameters still verify.
 */
export const SECRET_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashSecret(secret: string): Promise<string> {
  return argon2.hash(secret, SECRET_HASH_OPTIONS);
}

/** True when `secret` matches `hash`, whatever parameters `hash` was made with. */
export function verifySecret(hash: string, secret: string): Promise<boolean> {
  return argon2.verify(hash, secret);
}
