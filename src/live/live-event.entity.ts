import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The last sequence number handed out per room; its row lock orders concurrent writers to one room. */
@Entity('live_rooms')
export class LiveRoom {
  @PrimaryColumn({ type: 'text' })
  room: string;

  @Column({ type: 'int', default: 0 })
  seq: number;
}

/**
 * The bounded, persisted log per room. Written in the same transaction as the change it announces (an outbox),
 * so a pushed event always exists in the database and a committed change is never left unannounced.
 */
@Entity('live_events')
@Index('IDX_live_events_created', ['createdAt'])
export class LiveEvent {
  @PrimaryColumn({ type: 'text' })
  room: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
