import { Entity, JoinColumn, ManyToOne, PrimaryColumn, Column } from 'typeorm';
import { Judge } from '../judges/judge.entity.js';
import { CaseRoom } from './case-room.entity.js';

/** A juror seated in a qualifying room; a juror sits in one room of a championship. */
@Entity('case_room_jurors')
export class CaseRoomJuror {
  @PrimaryColumn({ name: 'championship_id', type: 'uuid' })
  championshipId: string;

  @PrimaryColumn({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @ManyToOne(() => Judge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'judge_id' })
  judge: Judge;

  @Column({ name: 'room_id', type: 'uuid' })
  roomId: string;

  @ManyToOne(() => CaseRoom, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room: CaseRoom;
}
