import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Team } from '../teams/team.entity.js';
import { Tournament } from './tournament.entity.js';

@Entity('tournament_teams')
export class TournamentTeam {
  @PrimaryColumn({ name: 'tournament_id', type: 'uuid' })
  tournamentId: string;

  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Tournament, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id' })
  tournament: Tournament;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team: Team;

  /** Order of entry (a case championship's ranking, a national seed…); round 1 may pair by it. */
  @Column({ type: 'int' })
  position: number;

  /** Where the team came from: 'registered', 'case:<championshipId>', 'region:<tournamentId>'. */
  @Column({ type: 'text' })
  source: string;

  /** For national entries: the place the team earned in its region (1 = champion). */
  @Column({ name: 'regional_place', type: 'int', nullable: true })
  regionalPlace: number | null;

  @Column({ type: 'boolean', default: false })
  withdrawn: boolean;
}
