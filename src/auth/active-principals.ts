import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TokenClaims } from './principal.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A valid signature is not enough: the token must name a principal that still exists, so an organiser who was
 * deleted or a judge who was removed loses access at once instead of when the token expires.
 */
@Injectable()
export class ActivePrincipals {
  constructor(private readonly dataSource: DataSource) {}

  async exists(claims: TokenClaims): Promise<boolean> {
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) return false;
    const table = claims.role === 'judge' ? 'judges' : 'organisers';
    const rows = (await this.dataSource.query(`SELECT 1 FROM ${table} WHERE id = $1`, [claims.sub])) as unknown[];
    return rows.length === 1;
  }
}
