import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganiserRole } from './organiser-only.decorator.js';

@Entity('organisers')
export class Organiser {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  username: string;

  /** argon2id hash; the password itself is never stored or logged. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /** admin: everything, accounts included; tab: tournaments and championships; desk: registration. */
  @Column({ type: 'text', default: 'admin' })
  role: OrganiserRole;

  /** A deactivated account cannot sign in, and its tokens are refused on the next request. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Carried in every token as `gen`; bumping it (password change or reset, deactivation) voids older tokens. */
  @Column({ name: 'token_generation', type: 'int', default: 1 })
  tokenGeneration: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
