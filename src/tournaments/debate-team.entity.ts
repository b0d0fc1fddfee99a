import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Team } from '../teams/team.entity.js';
import { Debate } from './debate.entity.js';

@Entity('debate_teams')
@Index('UQ_debate_teams_side', ['debateId', 'side'], { unique: true })
export class DebateTeam {
  @PrimaryColumn({ name: 'debate_id', type: 'uuid' })
  debateId: string;

  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Debate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'debate_id' })
  debate: Debate;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team: Team;

  @Column({ type: 'text' })
  side: string;

  /** Members the organiser allowed a second speech in this debate: the team was one speaker short ("iron"). */
  @Column({ name: 'iron_speaker_ids', type: 'jsonb', default: () => `'[]'` })
  ironSpeakerIds: string[];
}
