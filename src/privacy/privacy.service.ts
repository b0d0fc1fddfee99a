import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

  async publicNames(): Promise<PublicNameMode> {
    const row = await this.dataSource.manager.findOneBy(ServerSetting, { key: KEY });
    return (PUBLIC_NAME_MODES as readonly string[]).includes(row?.value ?? '')
      ? (row!.value as PublicNameMode)
      : 'full';
  }

  async setPublicNames(mode: PublicNameMode): Promise<PublicNameMode> {
    await this.dataSource.manager.upsert(ServerSetting, { key: KEY, value: mode }, ['key']);
    return mode;
  }

  /** How names are shown to this caller: organisers always see full names. */
  async namer(organiser: boolean): Promise<(fullName: string) => string> {
    return organiser || (await this.publicNames()) === 'full' ? (fullName) => fullName : initials;
  }
}
