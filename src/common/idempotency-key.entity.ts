import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('idempotency_keys')
@Index('IDX_idempotency_keys_created', ['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  /** Set when the interceptor stored the response; null while the first request is still running. */
  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  /** The answer issued a credential (an access code, a link, a token): it was not stored, and a replay says so. */
  @Column({ name: 'credentials_withheld', type: 'boolean', default: false })
  credentialsWithheld: boolean;

  /** When the key was claimed; a key expires KEY_TTL after it, a pending one PENDING_LEASE after it. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
