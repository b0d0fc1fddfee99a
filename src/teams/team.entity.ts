import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import type { Mentor } from '../mentors/mentor.entity.js';
import { MacroRegion, RegionUnit } from '../regions/region.entity.js';
import type { AgeGroup } from './age-group.js';

@Entity('teams')
@Index('UQ_teams_region_name', ['regionCode', 'name'], { unique: true })
export class Team {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @ManyToOne(() => MacroRegion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region: MacroRegion;

  @Column({ name: 'oblast_code', type: 'text' })
  oblastCode: string;

  @ManyToOne(() => RegionUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'oblast_code' })
  oblast: RegionUnit;

  @Column({ type: 'text' })
  institution: string;

  @Column({ type: 'boolean', default: false })
  rural: boolean;

  /** The team's mentor from the programme's pool; a mentor who judges is conflicted with the team. */
  @Column({ name: 'mentor_id', type: 'uuid', nullable: true })
  mentorId: string | null;

  // By name, and typed as a union: a class reference here would close an import cycle (mentor → judge → team).
  @ManyToOne('Mentor', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'mentor_id' })
  mentor: Relation<Mentor> | null;

  /** Under the default bands (a cup or championship applies its own); null past them. */
  @Column({ name: 'age_group', type: 'text', nullable: true })
  ageGroup: AgeGroup | null;

  /** Ages are taken on this date (the event's), not on the day of registration. */
  @Column({ name: 'event_date', type: 'date' })
  eventDate: string;

  @OneToMany(() => TeamMember, (member) => member.team, { cascade: true })
  members: TeamMember[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('team_members')
@Index('IDX_team_members_team', ['teamId'])
export class TeamMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Team, (team) => team.members, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team: Team;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  /** Order within the team: speaker 1, 2, 3… */
  @Column({ type: 'int' })
  position: number;
}
