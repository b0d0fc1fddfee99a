import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Team } from '../teams/team.entity.js';
import { CaseRoom } from './case-room.entity.js';

/** A team's place in a qualifying room: the room and its time slot there. A team sits in one room. */
@Entity('case_room_teams')
export class CaseRoomTeam {
  @PrimaryColumn({ name: 'championship_id', type: 'uuid' })
  championshipId: string;

  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team: Team;

  @Column({ name: 'room_id', type: 'uuid' })
  roomId: string;

  @ManyToOne(() => CaseRoom, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room: CaseRoom;

  /** 0-based order of presentation in the room. */
  @Column({ type: 'int' })
  slot: number;
}
