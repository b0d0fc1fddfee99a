import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import type { RoomKind } from './rooms.js';

export interface SnapshotSource {
  /** The whole public state of one room (standings, bracket, current round…), read with `em`. */
  snapshot(em: EntityManager, id: string): Promise<Record<string, unknown>>;
  /** The payload of a coalesced `standings` push; defaults to the snapshot. */
  standings?(em: EntityManager, id: string): Promise<Record<string, unknown>>;
}

/** Domain modules register how to describe their rooms; the live module never imports them. */
@Injectable()
export class LiveSnapshots {
  private readonly sources = new Map<RoomKind, SnapshotSource>();

  register(kind: RoomKind, source: SnapshotSource): void {
    this.sources.set(kind, source);
  }

  source(kind: RoomKind): SnapshotSource {
    const source = this.sources.get(kind);
    if (!source) throw DomainError.invalid(`kind must be one of ${[...this.sources.keys()].join(', ')}`);
    return source;
  }
}
