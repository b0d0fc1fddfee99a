import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PoolsVenues1796700000000 implements MigrationInterface {
  name = 'PoolsVenues1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "venues" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tournament_id" uuid NOT NULL, "name" text NOT NULL, "priority" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL, CONSTRAINT "PK_cb0f885278d12384eb7a81818be" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_venues_tournament_name" ON "venues"  ("tournament_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "round_availability" ("tournament_id" uuid NOT NULL, "round_seq" integer NOT NULL, "kind" text NOT NULL, "subject_id" uuid NOT NULL, "available" boolean NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4fe23bab5c7c4e3399f5ecfdb77" PRIMARY KEY ("tournament_id", "round_seq", "kind", "subject_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "case_entries" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "case_jurors" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "debates" ADD "venue_id" uuid`);
    await queryRunner.query(`ALTER TABLE "tournament_adjudicators" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `ALTER TABLE "venues" ADD CONSTRAINT "FK_33a2cd45c4e6a34f3ae28633eb2" FOREIGN KEY ("tournament_id") REFERENCES "tournaments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "debates" ADD CONSTRAINT "FK_436930eed43687884285a09ad2c" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "round_availability" ADD CONSTRAINT "FK_0a0fed712e1f353ab6ca0a7e1cb" FOREIGN KEY ("tournament_id") REFERENCES "tournaments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "round_availability" DROP CONSTRAINT "FK_0a0fed712e1f353ab6ca0a7e1cb"`);
    await queryRunner.query(`ALTER TABLE "debates" DROP CONSTRAINT "FK_436930eed43687884285a09ad2c"`);
    await queryRunner.query(`ALTER TABLE "venues" DROP CONSTRAINT "FK_33a2cd45c4e6a34f3ae28633eb2"`);
    await queryRunner.query(`ALTER TABLE "tournament_adjudicators" DROP COLUMN "active"`);
    await queryRunner.query(`ALTER TABLE "debates" DROP COLUMN "venue_id"`);
    await queryRunner.query(`ALTER TABLE "case_jurors" DROP COLUMN "active"`);
    await queryRunner.query(`ALTER TABLE "case_entries" DROP COLUMN "active"`);
    await queryRunner.query(`DROP TABLE "round_availability"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_venues_tournament_name"`);
    await queryRunner.query(`DROP TABLE "venues"`);
  }
}
