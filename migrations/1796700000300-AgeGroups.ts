import type { MigrationInterface, QueryRunner } from 'typeorm';

const DEFAULT_BANDS = `'[{"from":14,"to":17},{"from":18,"to":24},{"from":25,"to":29}]'::jsonb`;

/**
 * Age groups as data: cups and case championships carry their bands and the date ages are taken on (existing rows
 * get the default bands and their creation date); a team's default-band group may be empty (oldest member 30–35).
 */
export class AgeGroups1796700000300 implements MigrationInterface {
  name = 'AgeGroups1796700000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['cups', 'case_championships']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "age_bands" jsonb NOT NULL DEFAULT ${DEFAULT_BANDS}`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "age_bands" DROP DEFAULT`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "age_reference_date" date`);
      await queryRunner.query(`UPDATE "${table}" SET "age_reference_date" = "created_at"::date`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "age_reference_date" SET NOT NULL`);
    }
    await queryRunner.query(`ALTER TABLE "teams" ALTER COLUMN "age_group" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "teams" SET "age_group" = '25-29' WHERE "age_group" IS NULL`);
    await queryRunner.query(`ALTER TABLE "teams" ALTER COLUMN "age_group" SET NOT NULL`);
    for (const table of ['case_championships', 'cups']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "age_reference_date"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "age_bands"`);
    }
  }
}
