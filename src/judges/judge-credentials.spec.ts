import { describe, expect, it } from '@jest/globals';
import { issueCredentials, parseAccessCode, sha256 } from './judge-credentials.js';

describe('judge credentials', () => {
  it('issues a typeable code that parses back to its prefix and secret', () => {
    const issued = issueCredentials();
    expect(issued.accessCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(parseAccessCode(issued.accessCode)).toEqual({ prefix: issued.prefix, secret: issued.secret });
    expect(parseAccessCode(issued.accessCode.toLowerCase().replace(/-/g, ' '))).toEqual({
      prefix: issued.prefix,
      secret: issued.secret,
    });
    expect(issued.linkTokenHash).toBe(sha256(issued.linkToken));
    expect(issued.linkToken.length).toBeGreaterThanOrEqual(43);
  });

  it('rejects codes of the wrong length or alphabet', () => {
    expect(parseAccessCode('ABCD-EFGH')).toBeUndefined();
    expect(parseAccessCode('ABCD-EFGH-IJK0')).toBeUndefined();
  });
});
