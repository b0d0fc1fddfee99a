import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organiser roles (existing accounts become admins, as they could do everything before), deactivation, and a token
 * generation per organiser and per judge so a password change, a re-issued code or a revocation voids older
 * tokens at once; plus who re-issued or revoked a judge's credentials.
 */
export class Accounts1796400000000 implements MigrationInterface {
  name = 'Accounts1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "judge_credential_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "judge_id" uuid NOT NULL, "action" text NOT NULL, "organiser_id" uuid NOT NULL, "reason" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a71d4f9d0ff63b074035e3ae9ba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_judge_credential_audit_judge" ON "judge_credential_audit"  ("judge_id", "at") `,
    );
    await queryRunner.query(`ALTER TABLE "judges" ADD "credential_generation" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "judges" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "organisers" ADD "role" text NOT NULL DEFAULT 'admin'`);
    await queryRunner.query(`ALTER TABLE "organisers" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "organisers" ADD "token_generation" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(
      `ALTER TABLE "judge_credential_audit" ADD CONSTRAINT "FK_d4ed8f64915387074357a70b9a8" FOREIGN KEY ("judge_id") REFERENCES "judges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "judge_credential_audit" DROP CONSTRAINT "FK_d4ed8f64915387074357a70b9a8"`);
    await queryRunner.query(`ALTER TABLE "organisers" DROP COLUMN "token_generation"`);
    await queryRunner.query(`ALTER TABLE "organisers" DROP COLUMN "active"`);
    await queryRunner.query(`ALTER TABLE "organisers" DROP COLUMN "role"`);
    await queryRunner.query(`ALTER TABLE "judges" DROP COLUMN "revoked_at"`);
    await queryRunner.query(`ALTER TABLE "judges" DROP COLUMN "credential_generation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_judge_credential_audit_judge"`);
    await queryRunner.query(`DROP TABLE "judge_credential_audit"`);
  }
}
