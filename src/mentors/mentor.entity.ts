import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Judge } from '../judges/judge.entity.js';
import { MacroRegion } from '../regions/region.entity.js';

/** One of the programme's trained mentors. A mentor who also judges is linked to their judge record. */
@Entity('mentors')
@Index('UQ_mentors_region_name', ['regionCode', 'fullName'], { unique: true })
export class Mentor {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @ManyToOne(() => MacroRegion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region: MacroRegion;

  /** Set when the mentor also sits on juries: they are then conflicted with every team they mentor. */
  @Column({ name: 'judge_id', type: 'uuid', nullable: true })
  judgeId: string | null;

  @ManyToOne(() => Judge, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'judge_id' })
  judge: Judge | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
