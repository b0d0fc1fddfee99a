import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Competitions1795561759697 implements MigrationInterface {
  name = 'Competitions1795561759697';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "judge_judge_conflicts" ("judge_a" uuid NOT NULL, "judge_b" uuid NOT NULL, "note" text, CONSTRAINT "PK_b7b1d714a4a2ed1d9521adb305c" PRIMARY KEY ("judge_a", "judge_b"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_championships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "region_code" text NOT NULL, "age_group" text, "qualifier_slots" integer NOT NULL, "criteria" jsonb NOT NULL, "options" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'draft', "reveal" jsonb NOT NULL, "qualifiers" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finalised_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_14c086834c755e9e5cbed440554" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_entries" ("championship_id" uuid NOT NULL, "team_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b8cdd385117cbf0b2e8d57dc62f" PRIMARY KEY ("championship_id", "team_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_jurors" ("championship_id" uuid NOT NULL, "judge_id" uuid NOT NULL, CONSTRAINT "PK_673f1147aacd03497953a1663e2" PRIMARY KEY ("championship_id", "judge_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_scoresheets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "championship_id" uuid NOT NULL, "team_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "scores" jsonb NOT NULL, "comment" text, "version" integer NOT NULL DEFAULT '1', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d5c8a324e8fab08b24922d8a190" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_case_scoresheets_sheet" ON "case_scoresheets"  ("championship_id", "team_id", "judge_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "case_scoresheet_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "championship_id" uuid NOT NULL, "scoresheet_id" uuid NOT NULL, "team_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "actor" text NOT NULL, "version" integer NOT NULL, "before" jsonb, "after" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a55e5df859933900b1b6656ee5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_case_scoresheet_audit_championship" ON "case_scoresheet_audit"  ("championship_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "season" text NOT NULL, "slots_per_region" integer NOT NULL, "national_tournament_id" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_eb06c57b14b7bd052c86fdc7933" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "tournaments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "level" text NOT NULL, "cup_id" uuid, "region_code" text, "format" text NOT NULL, "format_spec" jsonb NOT NULL, "prelim_rounds" integer NOT NULL, "break_size" integer NOT NULL, "status" text NOT NULL DEFAULT 'setup', "bracket" jsonb, "break_report" jsonb, "champion_team_id" uuid, "final_places" jsonb, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6d5d129da7a80cf99e8ad4833a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "tournament_teams" ("tournament_id" uuid NOT NULL, "team_id" uuid NOT NULL, "position" integer NOT NULL, "source" text NOT NULL, "regional_place" integer, "withdrawn" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_91abad1448bf7a31c6a2e9ab0b3" PRIMARY KEY ("tournament_id", "team_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "tournament_adjudicators" ("tournament_id" uuid NOT NULL, "judge_id" uuid NOT NULL, CONSTRAINT "PK_a2800425b2740ec4e0018e3116e" PRIMARY KEY ("tournament_id", "judge_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tournament_id" uuid NOT NULL, "seq" integer NOT NULL, "kind" text NOT NULL, "name" text, "status" text NOT NULL DEFAULT 'draft', "motion" text, "seed" text NOT NULL, "silent" boolean NOT NULL DEFAULT false, "broken_constraints" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9d254884a20817016e2f877c7e7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_rounds_tournament_seq" ON "rounds"  ("tournament_id", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "debates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "tournament_id" uuid NOT NULL, "room" integer NOT NULL, "status" text NOT NULL DEFAULT 'pending', "bracket_match_id" text, "explanation" jsonb NOT NULL DEFAULT '[]', "result" jsonb, "needs_confirmation" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, CONSTRAINT "PK_c01c82ece83e680c12b20e2ef9e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_debates_round" ON "debates"  ("round_id") `);
    await queryRunner.query(
      `CREATE TABLE "debate_teams" ("debate_id" uuid NOT NULL, "team_id" uuid NOT NULL, "side" text NOT NULL, CONSTRAINT "PK_32b9900c056a56a492058c3cb85" PRIMARY KEY ("debate_id", "team_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_debate_teams_side" ON "debate_teams"  ("debate_id", "side") `);
    await queryRunner.query(
      `CREATE TABLE "debate_adjudicators" ("debate_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "role" text NOT NULL, CONSTRAINT "PK_9725602f7e73c0f2ce45b354f31" PRIMARY KEY ("debate_id", "judge_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ballots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "debate_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "version" integer NOT NULL, "current" boolean NOT NULL DEFAULT true, "sheet" jsonb NOT NULL, "submitted_by" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1c29cf82a8045f839f8639634e9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_ballots_current" ON "ballots"  ("debate_id", "judge_id") WHERE "current"`,
    );
    await queryRunner.query(
      `CREATE TABLE "tournament_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tournament_id" uuid NOT NULL, "actor" text NOT NULL, "action" text NOT NULL, "subject_id" text NOT NULL, "before" jsonb, "after" jsonb, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1f3938f163354e665ba2d703cbe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_tournament_audit_tournament" ON "tournament_audit"  ("tournament_id", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_judge_conflicts" ADD CONSTRAINT "FK_bd8c2537872535646bd9dc32c91" FOREIGN KEY ("judge_a") REFERENCES "judges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_judge_conflicts" ADD CONSTRAINT "FK_ab666b609298499987559566c7a" FOREIGN KEY ("judge_b") REFERENCES "judges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_championships" ADD CONSTRAINT "FK_198eb8015a7ff7cc2b333087117" FOREIGN KEY ("region_code") REFERENCES "macro_regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_entries" ADD CONSTRAINT "FK_62bf7aa0302edfe83df5386fc05" FOREIGN KEY ("championship_id") REFERENCES "case_championships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_entries" ADD CONSTRAINT "FK_6dca92caa2875ea974cff1b0093" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_jurors" ADD CONSTRAINT "FK_c67ba767fbbcd41f46d57fa941d" FOREIGN KEY ("championship_id") REFERENCES "case_championships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_jurors" ADD CONSTRAINT "FK_160f026eda4c3e938a7d8f39c97" FOREIGN KEY ("judge_id") REFERENCES "judges"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_scoresheets" ADD CONSTRAINT "FK_53c66c84ea718ca6b7281699ac5" FOREIGN KEY ("championship_id") REFERENCES "case_championships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_scoresheets" ADD CONSTRAINT "FK_0d203afac59a6217291d034e9ce" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_scoresheets" ADD CONSTRAINT "FK_5c3068bc691729426fd3cf4e62f" FOREIGN KEY ("judge_id") REFERENCES "judges"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_scoresheet_audit" ADD CONSTRAINT "FK_e0ba1eff0af9f3eef147cff342e" FOREIGN KEY ("championship_id") REFERENCES "case_championships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tournaments" ADD CONSTRAINT "FK_007543eca829a0eb2015ae58a03" FOREIGN KEY ("cup_id") REFERENCES "cups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tournaments" ADD CONSTRAINT "FK_4532c11aed729fbf12d36f814f3" FOREIGN KEY ("region_code") REFERENCES "macro_regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tournament_teams" ADD CONSTRAINT "FK_1a8faed6cf5e1669d40b3a8b762" FOREIGN KEY ("tournament_id") REFERENCES "tournaments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tournament_teams" ADD CONSTRAINT "FK_2e3297dc33a4087af1c1bf4c645" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tournament_adjudicators" ADD CONSTRAINT "FK_c596f1b5d8ac612f5873a5686a7" FOREIGN KEY ("tournament_id") REFERENCES "tournaments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tournament_adjudicators" ADD CONSTRAINT "FK_aa9924b05bac14eec502dc2bb9a" FOREIGN KEY ("judge_id") REFERENCES "judges"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rounds" ADD CONSTRAINT "FK_d947de1f2fff1fb2d1a2fea29a0" FOREIGN KEY ("tournament_id") REFERENCES "tournaments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "debates" ADD CONSTRAINT "FK_602e8259b2925a82d73ad45de04" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "debate_teams" ADD CONSTRAINT "FK_31a50806ddeda7f60bcfe5c2614" FOREIGN KEY ("debate_id") REFERENCES "debates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "debate_teams" ADD CONSTRAINT "FK_3fd1a5d33f8c90ccd01bf6992db" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "debate_adjudicators" ADD CONSTRAINT "FK_675973f20bfcf1c153e70287024" FOREIGN KEY ("debate_id") REFERENCES "debates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "debate_adjudicators" ADD CONSTRAINT "FK_ca3a91c666a9c107ef18e12351e" FOREIGN KEY ("judge_id") REFERENCES "judges"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ballots" ADD CONSTRAINT "FK_2eff8fd60894e184bd7f054f3e7" FOREIGN KEY ("debate_id") REFERENCES "debates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ballots" ADD CONSTRAINT "FK_780f7867cec55d2d98e5f2ecab3" FOREIGN KEY ("judge_id") REFERENCES "judges"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ballots" DROP CONSTRAINT "FK_780f7867cec55d2d98e5f2ecab3"`);
    await queryRunner.query(`ALTER TABLE "ballots" DROP CONSTRAINT "FK_2eff8fd60894e184bd7f054f3e7"`);
    await queryRunner.query(`ALTER TABLE "debate_adjudicators" DROP CONSTRAINT "FK_ca3a91c666a9c107ef18e12351e"`);
    await queryRunner.query(`ALTER TABLE "debate_adjudicators" DROP CONSTRAINT "FK_675973f20bfcf1c153e70287024"`);
    await queryRunner.query(`ALTER TABLE "debate_teams" DROP CONSTRAINT "FK_3fd1a5d33f8c90ccd01bf6992db"`);
    await queryRunner.query(`ALTER TABLE "debate_teams" DROP CONSTRAINT "FK_31a50806ddeda7f60bcfe5c2614"`);
    await queryRunner.query(`ALTER TABLE "debates" DROP CONSTRAINT "FK_602e8259b2925a82d73ad45de04"`);
    await queryRunner.query(`ALTER TABLE "rounds" DROP CONSTRAINT "FK_d947de1f2fff1fb2d1a2fea29a0"`);
    await queryRunner.query(`ALTER TABLE "tournament_adjudicators" DROP CONSTRAINT "FK_aa9924b05bac14eec502dc2bb9a"`);
    await queryRunner.query(`ALTER TABLE "tournament_adjudicators" DROP CONSTRAINT "FK_c596f1b5d8ac612f5873a5686a7"`);
    await queryRunner.query(`ALTER TABLE "tournament_teams" DROP CONSTRAINT "FK_2e3297dc33a4087af1c1bf4c645"`);
    await queryRunner.query(`ALTER TABLE "tournament_teams" DROP CONSTRAINT "FK_1a8faed6cf5e1669d40b3a8b762"`);
    await queryRunner.query(`ALTER TABLE "tournaments" DROP CONSTRAINT "FK_4532c11aed729fbf12d36f814f3"`);
    await queryRunner.query(`ALTER TABLE "tournaments" DROP CONSTRAINT "FK_007543eca829a0eb2015ae58a03"`);
    await queryRunner.query(`ALTER TABLE "case_scoresheet_audit" DROP CONSTRAINT "FK_e0ba1eff0af9f3eef147cff342e"`);
    await queryRunner.query(`ALTER TABLE "case_scoresheets" DROP CONSTRAINT "FK_5c3068bc691729426fd3cf4e62f"`);
    await queryRunner.query(`ALTER TABLE "case_scoresheets" DROP CONSTRAINT "FK_0d203afac59a6217291d034e9ce"`);
    await queryRunner.query(`ALTER TABLE "case_scoresheets" DROP CONSTRAINT "FK_53c66c84ea718ca6b7281699ac5"`);
    await queryRunner.query(`ALTER TABLE "case_jurors" DROP CONSTRAINT "FK_160f026eda4c3e938a7d8f39c97"`);
    await queryRunner.query(`ALTER TABLE "case_jurors" DROP CONSTRAINT "FK_c67ba767fbbcd41f46d57fa941d"`);
    await queryRunner.query(`ALTER TABLE "case_entries" DROP CONSTRAINT "FK_6dca92caa2875ea974cff1b0093"`);
    await queryRunner.query(`ALTER TABLE "case_entries" DROP CONSTRAINT "FK_62bf7aa0302edfe83df5386fc05"`);
    await queryRunner.query(`ALTER TABLE "case_championships" DROP CONSTRAINT "FK_198eb8015a7ff7cc2b333087117"`);
    await queryRunner.query(`ALTER TABLE "judge_judge_conflicts" DROP CONSTRAINT "FK_ab666b609298499987559566c7a"`);
    await queryRunner.query(`ALTER TABLE "judge_judge_conflicts" DROP CONSTRAINT "FK_bd8c2537872535646bd9dc32c91"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tournament_audit_tournament"`);
    await queryRunner.query(`DROP TABLE "tournament_audit"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_ballots_current"`);
    await queryRunner.query(`DROP TABLE "ballots"`);
    await queryRunner.query(`DROP TABLE "debate_adjudicators"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_debate_teams_side"`);
    await queryRunner.query(`DROP TABLE "debate_teams"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_debates_round"`);
    await queryRunner.query(`DROP TABLE "debates"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_rounds_tournament_seq"`);
    await queryRunner.query(`DROP TABLE "rounds"`);
    await queryRunner.query(`DROP TABLE "tournament_adjudicators"`);
    await queryRunner.query(`DROP TABLE "tournament_teams"`);
    await queryRunner.query(`DROP TABLE "tournaments"`);
    await queryRunner.query(`DROP TABLE "cups"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_case_scoresheet_audit_championship"`);
    await queryRunner.query(`DROP TABLE "case_scoresheet_audit"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_case_scoresheets_sheet"`);
    await queryRunner.query(`DROP TABLE "case_scoresheets"`);
    await queryRunner.query(`DROP TABLE "case_jurors"`);
    await queryRunner.query(`DROP TABLE "case_entries"`);
    await queryRunner.query(`DROP TABLE "case_championships"`);
    await queryRunner.query(`DROP TABLE "judge_judge_conflicts"`);
  }
}
