import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ServerSetting } from '../common/settings.entity.js';
import { PUBLIC_NAME_MODES, type PublicNameMode } from './privacy.dto.js';

const KEY = 'public_names';

/** "Әлия Серікқызы" → "Ә. С.": enough to tell speakers of one team apart without publishing a minor's name. */
export function initials(fullName: string): string {
  return fullName
    .trim()
    .split(/[\s-]+/u)
    .filter(Boolean)
    .map((word) => `${[...word][0].toLocaleUpperCase()}.`)
    .join(' ');
}

/** One server-wide setting, kept in server_settings: full names or initials on public routes. */
@Injectable()
export class PrivacyService {
  constructor(private readonly dataSource: DataSource) {}

  /** `em`: a caller inside a transaction reads through it (the embedded engine has one connection). */
  async publicNames(em: EntityManager = this.dataSource.manager): Promise<PublicNameMode> {
    const row = await em.findOneBy(ServerSetting, { key: KEY });
    return (PUBLIC_NAME_MODES as readonly string[]).includes(row?.value ?? '')
      ? (row!.value as PublicNameMode)
      : 'full';
  }

  async setPublicNames(mode: PublicNameMode): Promise<PublicNameMode> {
    await this.dataSource.manager.upsert(ServerSetting, { key: KEY, value: mode }, ['key']);
    return mode;
  }

  /** How names are shown to this caller: organisers always see full names. */
  async namer(organiser: boolean, em?: EntityManager): Promise<(fullName: string) => string> {
    return organiser || (await this.publicNames(em)) === 'full' ? (fullName) => fullName : initials;
  }
}
