import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Leagues1796600000200 implements MigrationInterface {
  name = 'Leagues1796600000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "leagues" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cup_id" uuid NOT NULL, "key" text NOT NULL, "name" text NOT NULL, "language" text, "qualification_unit" text NOT NULL DEFAULT 'region', "places_per_unit" integer NOT NULL, "national_tournament_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2275e1e3e32e9223298c3a0b514" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_leagues_cup_key" ON "leagues"  ("cup_id", "key") `);
    await queryRunner.query(`ALTER TABLE "tournaments" ADD "league_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "leagues" ADD CONSTRAINT "FK_e5ff0b96307816ed32789ee259b" FOREIGN KEY ("cup_id") REFERENCES "cups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tournaments" ADD CONSTRAINT "FK_b8ec0166805c3b6bee23ccba536" FOREIGN KEY ("league_id") REFERENCES "leagues"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tournaments" DROP CONSTRAINT "FK_b8ec0166805c3b6bee23ccba536"`);
    await queryRunner.query(`ALTER TABLE "leagues" DROP CONSTRAINT "FK_e5ff0b96307816ed32789ee259b"`);
    await queryRunner.query(`ALTER TABLE "tournaments" DROP COLUMN "league_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_leagues_cup_key"`);
    await queryRunner.query(`DROP TABLE "leagues"`);
  }
}
