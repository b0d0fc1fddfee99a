import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Judge } from '../judges/judge.entity.js';
import { Debate } from './debate.entity.js';

export type PanelRole = 'chair' | 'wing';

@Entity('debate_adjudicators')
export class DebateAdjudicator {
  @PrimaryColumn({ name: 'debate_id', type: 'uuid' })
  debateId: string;

  @PrimaryColumn({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @ManyToOne(() => Debate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'debate_id' })
  debate: Debate;

  @ManyToOne(() => Judge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'judge_id' })
  judge: Judge;

  @Column({ type: 'text' })
  role: PanelRole;
}
