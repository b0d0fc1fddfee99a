import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Server-generated values that must survive restarts (e.g. the JWT secret when JWT_SECRET is unset). */
@Entity('server_settings')
export class ServerSetting {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
