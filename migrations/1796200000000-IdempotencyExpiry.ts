import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys expire (an index for the cleanup) and may record that a credential-bearing answer was withheld. */
export class IdempotencyExpiry1796200000000 implements MigrationInterface {
  name = 'IdempotencyExpiry1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_keys" ADD "credentials_withheld" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE INDEX "IDX_idempotency_keys_created" ON "idempotency_keys" ("created_at") `);
    // Stored answers from before this release may hold access codes, links and tokens: drop them.
    await queryRunner.query(
      `DELETE FROM "idempotency_keys" WHERE "response"::text ~ '"(accessCode|link|accessToken|token)"'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_idempotency_keys_created"`);
    await queryRunner.query(`ALTER TABLE "idempotency_keys" DROP COLUMN "credentials_withheld"`);
  }
}
