import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TournamentRules1796600000100 implements MigrationInterface {
  name = 'TournamentRules1796600000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "tournaments" ADD "rules" jsonb NOT NULL DEFAULT '{"byeCounts":"absent","marginsIncludeDissent":false}'`,
    );
    await queryRunner.query(`ALTER TABLE "debate_teams" ADD "iron_speaker_ids" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "debate_teams" DROP COLUMN "iron_speaker_ids"`);
    await queryRunner.query(`ALTER TABLE "tournaments" DROP COLUMN "rules"`);
  }
}
