import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access-code prefixes need not be unique: with 30⁴ prefixes, ~300 judges collide about one time in twenty, and
 * the unique constraint answered that creation with a 409 naming another judge's prefix. Sign-in now tries
 * every judge with the prefix (the secret half decides), so a plain index is enough.
 */
export class JudgePrefixShared1796100000000 implements MigrationInterface {
  name = 'JudgePrefixShared1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "judges" DROP CONSTRAINT "UQ_b083aac4240648abaef5f4b98db"`);
    await queryRunner.query(`CREATE INDEX "IDX_judges_access_prefix" ON "judges" ("access_prefix")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_judges_access_prefix"`);
    await queryRunner.query(
      `ALTER TABLE "judges" ADD CONSTRAINT "UQ_b083aac4240648abaef5f4b98db" UNIQUE ("access_prefix")`,
    );
  }
}
