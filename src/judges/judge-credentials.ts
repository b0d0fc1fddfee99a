import { createHash, randomBytes, randomInt } from 'node:crypto';

// Crockford-style alphabet: no I, L, O, U, 0 or 1, so a code read aloud or typed on a tablet is unambiguous.
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

export interface IssuedCredentials {
  /** Shown once, e.g. K7QF-29XM-4RTP: the first group finds the judge, the rest is the secret. */
  accessCode: string;
  prefix: string;
  secret: string;
  /** For the private link /judge/<linkToken>. */
  linkToken: string;
  linkTokenHash: string;
}

function group(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function issueCredentials(): IssuedCredentials {
  const prefix = group(4);
  const secret = group(8);
  const linkToken = randomBytes(32).toString('base64url');
  return {
    accessCode: `${prefix}-${secret.slice(0, 4)}-${secret.slice(4)}`,
    prefix,
    secret,
    linkToken,
    linkTokenHash: sha256(linkToken),
  };
}

/** A typed code as stored: upper case, without dashes or spaces (so `k7qf 29xm-4rtp` is `K7QF29XM4RTP`). */
export function normaliseAccessCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Splits a typed code (any case, dashes or spaces optional) into lookup prefix and secret. */
export function parseAccessCode(typed: string): { prefix: string; secret: string } | undefined {
  const compact = normaliseAccessCode(typed);
  if (compact.length !== 12 || [...compact].some((c) => !ALPHABET.includes(c))) return undefined;
  return { prefix: compact.slice(0, 4), secret: compact.slice(4) };
}
