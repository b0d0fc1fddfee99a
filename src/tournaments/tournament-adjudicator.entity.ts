import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Judge } from '../judges/judge.entity.js';
import { Tournament } from './tournament.entity.js';

@Entity('tournament_adjudicators')
export class TournamentAdjudicator {
  @PrimaryColumn({ name: 'tournament_id', type: 'uuid' })
  tournamentId: string;

  @PrimaryColumn({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @ManyToOne(() => Tournament, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id' })
  tournament: Tournament;

  @ManyToOne(() => Judge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'judge_id' })
  judge: Judge;

  /** Deactivated: history kept (panels, ballots), left out of every later allocation. */
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
