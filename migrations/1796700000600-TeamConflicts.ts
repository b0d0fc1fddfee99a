import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TeamConflicts1796700000600 implements MigrationInterface {
  name = 'TeamConflicts1796700000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tournament_team_conflicts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tournament_id" uuid NOT NULL, "team_id" uuid NOT NULL, "other_team_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_84da04c1ece2f2dc6de9e48e3cb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_tournament_team_conflicts_pair" ON "tournament_team_conflicts"  ("tournament_id", "team_id", "other_team_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "tournament_team_conflicts" ADD CONSTRAINT "FK_76f505e9f0a36cab51b244a4d2d" FOREIGN KEY ("tournament_id") REFERENCES "tournaments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tournament_team_conflicts" ADD CONSTRAINT "FK_9e8bc1ebe7a1c68688877e71af5" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tournament_team_conflicts" ADD CONSTRAINT "FK_68785e42eace308cb05046800b3" FOREIGN KEY ("other_team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tournament_team_conflicts" DROP CONSTRAINT "FK_68785e42eace308cb05046800b3"`);
    await queryRunner.query(`ALTER TABLE "tournament_team_conflicts" DROP CONSTRAINT "FK_9e8bc1ebe7a1c68688877e71af5"`);
    await queryRunner.query(`ALTER TABLE "tournament_team_conflicts" DROP CONSTRAINT "FK_76f505e9f0a36cab51b244a4d2d"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_tournament_team_conflicts_pair"`);
    await queryRunner.query(`DROP TABLE "tournament_team_conflicts"`);
  }
}
