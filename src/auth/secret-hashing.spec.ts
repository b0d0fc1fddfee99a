import { describe, expect, it } from '@jest/globals';
import * as argon2 from 'argon2';
import { hashSecret, verifySecret } from './secret-hashing.js';

describe('secret hashing', () => {
  it("hashes with argon2id at OWASP's minimum (19 MiB, two passes, one lane), and verifies only the same secret", async () => {
    const hash = await hashSecret('K7QF29XM');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifySecret(hash, 'K7QF29XM')).toBe(true);
    expect(await verifySecret(hash, 'K7QF29XN')).toBe(false);
  });

  it("still verifies a hash stored with the library's defaults (64 MiB, three passes, four lanes)", async () => {
    const old = await argon2.hash('organiser-password');
    expect(old).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await verifySecret(old, 'organiser-password')).toBe(true);
    expect(await verifySecret(old, 'organiser-passwore')).toBe(false);
  });
});
