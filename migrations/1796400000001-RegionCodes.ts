import type { MigrationInterface, QueryRunner } from 'typeorm';

// code → ISO 3166-2, KATO, kk, ru (official), search aliases — as ../shared/DOMAIN.md has them. Codes unchanged.
const UNITS: [string, string, string, string, string, string[]][] = [
  ['abai', 'KZ-10', '100000000', 'Абай облысы', 'область Абай', ['Абайская область']],
  ['akmola', 'KZ-11', '110000000', 'Ақмола облысы', 'Акмолинская область', []],
  ['aktobe', 'KZ-15', '150000000', 'Ақтөбе облысы', 'Актюбинская область', []],
  ['almaty-region', 'KZ-19', '190000000', 'Алматы облысы', 'Алматинская область', []],
  ['atyrau', 'KZ-23', '230000000', 'Атырау облысы', 'Атырауская область', []],
  ['west-kazakhstan', 'KZ-27', '270000000', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', []],
  ['jambyl', 'KZ-31', '310000000', 'Жамбыл облысы', 'Жамбылская область', []],
  ['jetisu', 'KZ-33', '330000000', 'Жетісу облысы', 'область Жетісу', ['Жетысуская область']],
  ['karaganda', 'KZ-35', '350000000', 'Қарағанды облысы', 'Карагандинская область', []],
  ['kostanay', 'KZ-39', '390000000', 'Қостанай облысы', 'Костанайская область', []],
  ['kyzylorda', 'KZ-43', '430000000', 'Қызылорда облысы', 'Кызылординская область', []],
  ['mangystau', 'KZ-47', '470000000', 'Маңғыстау облысы', 'Мангистауская область', []],
  ['pavlodar', 'KZ-55', '550000000', 'Павлодар облысы', 'Павлодарская область', []],
  ['north-kazakhstan', 'KZ-59', '590000000', 'Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', []],
  ['turkistan', 'KZ-61', '610000000', 'Түркістан облысы', 'Туркестанская область', []],
  ['ulytau', 'KZ-62', '620000000', 'Ұлытау облысы', 'область Ұлытау', ['Улытауская область']],
  ['east-kazakhstan', 'KZ-63', '630000000', 'Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', []],
  // Cities carry «қаласы» / «город» so «Алматы» (city) never reads like «Алматы облысы»; the bare name stays searchable.
  ['astana', 'KZ-71', '710000000', 'Астана қаласы', 'город Астана', ['Астана']],
  ['almaty', 'KZ-75', '750000000', 'Алматы қаласы', 'город Алматы', ['Алматы']],
  ['shymkent', 'KZ-79', '790000000', 'Шымкент қаласы', 'город Шымкент', ['Шымкент']],
];

/** ISO 3166-2 and KATO codes and search aliases on every oblast and city; the cities' names as in DOMAIN.md. */
export class RegionCodes1796400000001 implements MigrationInterface {
  name = 'RegionCodes1796400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "region_units" ADD "iso_code" text`);
    await queryRunner.query(`ALTER TABLE "region_units" ADD "kato_code" text`);
    await queryRunner.query(`ALTER TABLE "region_units" ADD "aliases" text array NOT NULL DEFAULT '{}'`);
    for (const [code, iso, kato, kk, ru, aliases] of UNITS) {
      await queryRunner.query(
        `UPDATE "region_units" SET "iso_code" = $2, "kato_code" = $3, "name_kk" = $4, "name_ru" = $5, "aliases" = $6 WHERE "code" = $1`,
        [code, iso, kato, kk, ru, aliases],
      );
    }
    // A unit an organiser added by hand has no official code: stop here rather than invent one.
    const missing = (await queryRunner.query(`SELECT "code" FROM "region_units" WHERE "iso_code" IS NULL`)) as {
      code: string;
    }[];
    if (missing.length) {
      throw new Error(
        `region units without ISO/KATO codes: ${missing.map((m) => m.code).join(', ')}; add them to this migration`,
      );
    }
    await queryRunner.query(`ALTER TABLE "region_units" ALTER COLUMN "iso_code" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "region_units" ALTER COLUMN "kato_code" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "region_units" ADD CONSTRAINT "UQ_0a382ca6666399c8085fc658d87" UNIQUE ("iso_code")`,
    );
    await queryRunner.query(
      `ALTER TABLE "region_units" ADD CONSTRAINT "UQ_a9209920d876254d80a8f09faac" UNIQUE ("kato_code")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [code, name] of [
      ['astana', 'Астана'],
      ['almaty', 'Алматы'],
      ['shymkent', 'Шымкент'],
    ]) {
      await queryRunner.query(`UPDATE "region_units" SET "name_kk" = $2, "name_ru" = $2 WHERE "code" = $1`, [
        code,
        name,
      ]);
    }
    await queryRunner.query(`ALTER TABLE "region_units" DROP COLUMN "aliases"`);
    await queryRunner.query(`ALTER TABLE "region_units" DROP CONSTRAINT "UQ_a9209920d876254d80a8f09faac"`);
    await queryRunner.query(`ALTER TABLE "region_units" DROP COLUMN "kato_code"`);
    await queryRunner.query(`ALTER TABLE "region_units" DROP CONSTRAINT "UQ_0a382ca6666399c8085fc658d87"`);
    await queryRunner.query(`ALTER TABLE "region_units" DROP COLUMN "iso_code"`);
  }
}
