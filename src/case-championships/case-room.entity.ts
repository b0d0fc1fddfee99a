import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseChampionship } from './case-championship.entity.js';

/** A qualifying room (heat): a group of teams presenting in turn before the room's own jury. */
@Entity('case_rooms')
@Index('UQ_case_rooms_number', ['championshipId', 'number'], { unique: true })
export class CaseRoom {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'championship_id', type: 'uuid' })
  championshipId: string;

  @ManyToOne(() => CaseChampionship, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'championship_id' })
  championship: CaseChampionship;

  /** 1-based, as printed on the schedule. */
  @Column({ type: 'int' })
  number: number;
}
