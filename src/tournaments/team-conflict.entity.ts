import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Team } from '../teams/team.entity.js';
import { Tournament } from './tournament.entity.js';

/**
 * Two teams of a tournament that must not meet in a preliminary round (a declared team–team conflict: the
 * draw keeps them apart as it keeps teams of one institution apart). Stored once per pair, the smaller id first.
 */
@Entity('tournament_team_conflicts')
@Index('UQ_tournament_team_conflicts_pair', ['tournamentId', 'teamId', 'otherTeamId'], { unique: true })
export class TournamentTeamConflict {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tournament_id', type: 'uuid' })
  tournamentId: string;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @Column({ name: 'other_team_id', type: 'uuid' })
  otherTeamId: string;

  @ManyToOne(() => Tournament, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id' })
  tournament: Tournament;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team: Team;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'other_team_id' })
  otherTeam: Team;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
