import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Motions1796700000100 implements MigrationInterface {
  name = 'Motions1796700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_championship_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "championship_id" uuid NOT NULL, "actor" text NOT NULL, "action" text NOT NULL, "reason" text, "detail" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_79500972b86f049d7ae032bd105" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_case_championship_audit_championship" ON "case_championship_audit"  ("championship_id", "at") `,
    );
    await queryRunner.query(`ALTER TABLE "rounds" ADD "info_slide" text`);
    await queryRunner.query(`ALTER TABLE "rounds" ADD "motion_released_at" TIMESTAMP WITH TIME ZONE`);
    // Until now a released draw showed its motion: those motions stay public.
    await queryRunner.query(
      `UPDATE "rounds" SET "motion_released_at" = "created_at" WHERE "status" <> 'draft' AND "motion" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_championship_audit" ADD CONSTRAINT "FK_b56ca5d3571e7bd485bfa981165" FOREIGN KEY ("championship_id") REFERENCES "case_championships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_championship_audit" DROP CONSTRAINT "FK_b56ca5d3571e7bd485bfa981165"`);
    await queryRunner.query(`ALTER TABLE "rounds" DROP COLUMN "motion_released_at"`);
    await queryRunner.query(`ALTER TABLE "rounds" DROP COLUMN "info_slide"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_case_championship_audit_championship"`);
    await queryRunner.query(`DROP TABLE "case_championship_audit"`);
  }
}
