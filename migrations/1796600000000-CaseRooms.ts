import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseRooms1796600000000 implements MigrationInterface {
  name = 'CaseRooms1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_case_scoresheets_sheet"`);
    await queryRunner.query(
      `CREATE TABLE "case_rooms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "championship_id" uuid NOT NULL, "number" integer NOT NULL, CONSTRAINT "PK_bfff79df5657875f44cabd87470" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_case_rooms_number" ON "case_rooms"  ("championship_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "case_room_jurors" ("championship_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "room_id" uuid NOT NULL, CONSTRAINT "PK_39d4ba7d434a9bb99c3ae150a1e" PRIMARY KEY ("championship_id", "judge_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_room_teams" ("championship_id" uuid NOT NULL, "team_id" uuid NOT NULL, "room_id" uuid NOT NULL, "slot" integer NOT NULL, CONSTRAINT "PK_f3a1854a40cf59ee892a1c9595b" PRIMARY KEY ("championship_id", "team_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "full_name" text NOT NULL, "region_code" text NOT NULL, "judge_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_67a614446eab992e4d0580afebf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_mentors_region_name" ON "mentors"  ("region_code", "full_name") `);
    await queryRunner.query(`ALTER TABLE "teams" ADD "mentor_id" uuid`);
    await queryRunner.query(`ALTER TABLE "case_championships" ADD "qualifier_placements" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "case_championships" ADD "stage" text NOT NULL DEFAULT 'single'`);
    await queryRunner.query(`ALTER TABLE "case_championships" ADD "room_settings" jsonb`);
    await queryRunner.query(`ALTER TABLE "case_championships" ADD "finalists" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "case_championships" ADD "advancement" jsonb`);
    await queryRunner.query(`ALTER TABLE "case_championships" ADD "final_jury" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "case_scoresheets" ADD "stage" text NOT NULL DEFAULT 'main'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_case_scoresheets_sheet" ON "case_scoresheets"  ("championship_id", "stage", "team_id", "judge_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "teams" ADD CONSTRAINT "FK_eed7fcfa464fd974cfa0ad35449" FOREIGN KEY ("mentor_id") REFERENCES "mentors"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_rooms" ADD CONSTRAINT "FK_aa423862bc71b588550d5bbb055" FOREIGN KEY ("championship_id") REFERENCES "case_championships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_room_jurors" ADD CONSTRAINT "FK_f3cc51844c38edded703960d64e" FOREIGN KEY ("judge_id") REFERENCES "judges"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_room_jurors" ADD CONSTRAINT "FK_5659f9b0c89a61de33d2254867d" FOREIGN KEY ("room_id") REFERENCES "case_rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_room_teams" ADD CONSTRAINT "FK_24e6dba087dc54c63ce949aae1c" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_room_teams" ADD CONSTRAINT "FK_60a6eb315027b7cc89c4a7f7437" FOREIGN KEY ("room_id") REFERENCES "case_rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentors" ADD CONSTRAINT "FK_668317f024f2177001cea9ecb44" FOREIGN KEY ("region_code") REFERENCES "macro_regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentors" ADD CONSTRAINT "FK_bc3a4fdd876af5e3c7d96d735f3" FOREIGN KEY ("judge_id") REFERENCES "judges"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mentors" DROP CONSTRAINT "FK_bc3a4fdd876af5e3c7d96d735f3"`);
    await queryRunner.query(`ALTER TABLE "mentors" DROP CONSTRAINT "FK_668317f024f2177001cea9ecb44"`);
    await queryRunner.query(`ALTER TABLE "case_room_teams" DROP CONSTRAINT "FK_60a6eb315027b7cc89c4a7f7437"`);
    await queryRunner.query(`ALTER TABLE "case_room_teams" DROP CONSTRAINT "FK_24e6dba087dc54c63ce949aae1c"`);
    await queryRunner.query(`ALTER TABLE "case_room_jurors" DROP CONSTRAINT "FK_5659f9b0c89a61de33d2254867d"`);
    await queryRunner.query(`ALTER TABLE "case_room_jurors" DROP CONSTRAINT "FK_f3cc51844c38edded703960d64e"`);
    await queryRunner.query(`ALTER TABLE "case_rooms" DROP CONSTRAINT "FK_aa423862bc71b588550d5bbb055"`);
    await queryRunner.query(`ALTER TABLE "teams" DROP CONSTRAINT "FK_eed7fcfa464fd974cfa0ad35449"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_case_scoresheets_sheet"`);
    await queryRunner.query(`ALTER TABLE "case_scoresheets" DROP COLUMN "stage"`);
    await queryRunner.query(`ALTER TABLE "case_championships" DROP COLUMN "final_jury"`);
    await queryRunner.query(`ALTER TABLE "case_championships" DROP COLUMN "advancement"`);
    await queryRunner.query(`ALTER TABLE "case_championships" DROP COLUMN "finalists"`);
    await queryRunner.query(`ALTER TABLE "case_championships" DROP COLUMN "room_settings"`);
    await queryRunner.query(`ALTER TABLE "case_championships" DROP COLUMN "stage"`);
    await queryRunner.query(`ALTER TABLE "case_championships" DROP COLUMN "qualifier_placements"`);
    await queryRunner.query(`ALTER TABLE "teams" DROP COLUMN "mentor_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_mentors_region_name"`);
    await queryRunner.query(`DROP TABLE "mentors"`);
    await queryRunner.query(`DROP TABLE "case_room_teams"`);
    await queryRunner.query(`DROP TABLE "case_room_jurors"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_case_rooms_number"`);
    await queryRunner.query(`DROP TABLE "case_rooms"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_case_scoresheets_sheet" ON "case_scoresheets" USING btree ("championship_id", "team_id", "judge_id") `,
    );
  }
}
