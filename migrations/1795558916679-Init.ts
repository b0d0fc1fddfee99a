import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795558916679 implements MigrationInterface {
  name = 'Init1795558916679';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "password_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_1179364ce4582975307ab1afce9" UNIQUE ("username"), CONSTRAINT "PK_f68bbfc702bd7ca959918931cc3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("scope" text NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "response" jsonb, "status_code" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_15de2f76fa9f27ad8f330983607" PRIMARY KEY ("scope", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "server_settings" ("key" text NOT NULL, "value" text NOT NULL, CONSTRAINT "PK_9baa85c95771a8a3d89f1382ec9" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "macro_regions" ("code" text NOT NULL, "name_kk" text NOT NULL, "name_ru" text NOT NULL, "name_en" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_77f582ac6f37126c581815ed27a" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "region_units" ("code" text NOT NULL, "macro_region_code" text NOT NULL, "kind" text NOT NULL, "name_kk" text NOT NULL, "name_ru" text NOT NULL, "name_en" text NOT NULL, CONSTRAINT "PK_0bcab48c28a71d4681ad2b6d5f8" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "teams" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "region_code" text NOT NULL, "oblast_code" text NOT NULL, "institution" text NOT NULL, "rural" boolean NOT NULL DEFAULT false, "age_group" text NOT NULL, "event_date" date NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_teams_region_name" ON "teams"  ("region_code", "name") `);
    await queryRunner.query(
      `CREATE TABLE "team_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "team_id" uuid NOT NULL, "full_name" text NOT NULL, "birth_date" date NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_ca3eae89dcf20c9fd95bf7460aa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_team_members_team" ON "team_members"  ("team_id") `);
    await queryRunner.query(
      `CREATE TABLE "judges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "full_name" text NOT NULL, "region_code" text NOT NULL, "institution" text NOT NULL, "strength" real NOT NULL DEFAULT '5', "access_prefix" text NOT NULL, "access_secret_hash" text NOT NULL, "link_token_hash" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b083aac4240648abaef5f4b98db" UNIQUE ("access_prefix"), CONSTRAINT "UQ_88a5edbf44fe03512d426034fa9" UNIQUE ("link_token_hash"), CONSTRAINT "PK_9122e48b7226535e00d328efeed" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "judge_team_conflicts" ("judge_id" uuid NOT NULL, "team_id" uuid NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_344a0a5b4ab831c54e936d9aaa9" PRIMARY KEY ("judge_id", "team_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "region_units" ADD CONSTRAINT "FK_a69519ddcc8e1c5471257aedcdf" FOREIGN KEY ("macro_region_code") REFERENCES "macro_regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "teams" ADD CONSTRAINT "FK_74c27f35d71b15f03b306bb0533" FOREIGN KEY ("region_code") REFERENCES "macro_regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "teams" ADD CONSTRAINT "FK_d45cc8c8939ea4b14a45513a09e" FOREIGN KEY ("oblast_code") REFERENCES "region_units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_members" ADD CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "judges" ADD CONSTRAINT "FK_e845dbfb870efb5a4a474cbb593" FOREIGN KEY ("region_code") REFERENCES "macro_regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_team_conflicts" ADD CONSTRAINT "FK_dd8c0b6c2b37e2f54621e6b12d3" FOREIGN KEY ("judge_id") REFERENCES "judges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "judge_team_conflicts" ADD CONSTRAINT "FK_86efdff9412d42bdd608a529001" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The programme's five macro-regions (a working grouping, not an official division) and the 17 oblasts and
    // 3 cities of republican significance after the 2022 reform. Russian names of Abai, Jetisu and Ulytau follow
    // the 2022 decrees («область Абай», not «Абайская область»); codes stay stable whatever the display names.
    await queryRunner.query(`INSERT INTO "macro_regions" ("code", "name_kk", "name_ru", "name_en", "position") VALUES
        ('south', 'Оңтүстік', 'Юг', 'South', 1),
        ('north', 'Солтүстік', 'Север', 'North', 2),
        ('west', 'Батыс', 'Запад', 'West', 3),
        ('central', 'Орталық', 'Центр', 'Central', 4),
        ('east', 'Шығыс', 'Восток', 'East', 5)`);
    await queryRunner.query(`INSERT INTO "region_units" ("code", "macro_region_code", "kind", "name_kk", "name_ru", "name_en") VALUES
        ('almaty-region', 'south', 'oblast', 'Алматы облысы', 'Алматинская область', 'Almaty Region'),
        ('jetisu', 'south', 'oblast', 'Жетісу облысы', 'область Жетісу', 'Jetisu Region'),
        ('jambyl', 'south', 'oblast', 'Жамбыл облысы', 'Жамбылская область', 'Jambyl Region'),
        ('turkistan', 'south', 'oblast', 'Түркістан облысы', 'Туркестанская область', 'Turkistan Region'),
        ('kyzylorda', 'south', 'oblast', 'Қызылорда облысы', 'Кызылординская область', 'Kyzylorda Region'),
        ('almaty', 'south', 'city', 'Алматы', 'Алматы', 'Almaty'),
        ('shymkent', 'south', 'city', 'Шымкент', 'Шымкент', 'Shymkent'),
        ('akmola', 'north', 'oblast', 'Ақмола облысы', 'Акмолинская область', 'Akmola Region'),
        ('kostanay', 'north', 'oblast', 'Қостанай облысы', 'Костанайская область', 'Kostanay Region'),
        ('north-kazakhstan', 'north', 'oblast', 'Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', 'North Kazakhstan Region'),
        ('pavlodar', 'north', 'oblast', 'Павлодар облысы', 'Павлодарская область', 'Pavlodar Region'),
        ('aktobe', 'west', 'oblast', 'Ақтөбе облысы', 'Актюбинская область', 'Aktobe Region'),
        ('atyrau', 'west', 'oblast', 'Атырау облысы', 'Атырауская область', 'Atyrau Region'),
        ('mangystau', 'west', 'oblast', 'Маңғыстау облысы', 'Мангистауская область', 'Mangystau Region'),
        ('west-kazakhstan', 'west', 'oblast', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', 'West Kazakhstan Region'),
        ('karaganda', 'central', 'oblast', 'Қарағанды облысы', 'Карагандинская область', 'Karaganda Region'),
        ('ulytau', 'central', 'oblast', 'Ұлытау облысы', 'область Ұлытау', 'Ulytau Region'),
        ('astana', 'central', 'city', 'Астана', 'Астана', 'Astana'),
        ('east-kazakhstan', 'east', 'oblast', 'Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', 'East Kazakhstan Region'),
        ('abai', 'east', 'oblast', 'Абай облысы', 'область Абай', 'Abai Region')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "judge_team_conflicts" DROP CONSTRAINT "FK_86efdff9412d42bdd608a529001"`);
    await queryRunner.query(`ALTER TABLE "judge_team_conflicts" DROP CONSTRAINT "FK_dd8c0b6c2b37e2f54621e6b12d3"`);
    await queryRunner.query(`ALTER TABLE "judges" DROP CONSTRAINT "FK_e845dbfb870efb5a4a474cbb593"`);
    await queryRunner.query(`ALTER TABLE "team_members" DROP CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea"`);
    await queryRunner.query(`ALTER TABLE "teams" DROP CONSTRAINT "FK_d45cc8c8939ea4b14a45513a09e"`);
    await queryRunner.query(`ALTER TABLE "teams" DROP CONSTRAINT "FK_74c27f35d71b15f03b306bb0533"`);
    await queryRunner.query(`ALTER TABLE "region_units" DROP CONSTRAINT "FK_a69519ddcc8e1c5471257aedcdf"`);
    await queryRunner.query(`DROP TABLE "judge_team_conflicts"`);
    await queryRunner.query(`DROP TABLE "judges"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_team_members_team"`);
    await queryRunner.query(`DROP TABLE "team_members"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_teams_region_name"`);
    await queryRunner.query(`DROP TABLE "teams"`);
    await queryRunner.query(`DROP TABLE "region_units"`);
    await queryRunner.query(`DROP TABLE "macro_regions"`);
    await queryRunner.query(`DROP TABLE "server_settings"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP TABLE "organisers"`);
  }
}
