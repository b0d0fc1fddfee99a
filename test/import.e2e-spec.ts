import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';

interface TeamRow {
  name: string;
  regionCode: string;
  oblastCode: string;
  institution: string;
  rural: boolean;
  eventDate: string;
  members: { fullName: string; birthDate: string; position: number }[];
}

describe('CSV import of teams and judges (e2e)', () => {
  let t: TestApp;
  let admin: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const postCsv = (url: string, csv: string, token = admin) =>
    request(t.url)
      .post(url)
      .set(bearer(token))
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(Buffer.from(csv, 'utf8'));
  const teamsNamed = async (search: string): Promise<TeamRow[]> =>
    (await request(t.url).get('/api/teams').set(bearer(admin)).query({ search, limit: 500 }).expect(200)).body.items;
  const judgeCount = async () =>
    (await request(t.url).get('/api/judges').set(bearer(admin)).expect(200)).body.total as number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.organiserToken();
  });
  afterAll(() => t.close());

  it('imports a Kazakh/Russian team sheet with a BOM, ";" separators, quoted fields and kk/ru dates and oblast names', async () => {
    const csv =
      '\uFEFFname;regionCode;oblastCode;institution;rural;eventDate;member1Name;member1BirthDate;member2Name;member2BirthDate\r\n' +
      'Жас Қыран;;Абайская область;"Семей колледжі; №2";да;2026-11-24;Әлия Серікқызы;17.05.2006;Данияр Болатұлы;2005-01-02\r\n' +
      '"Орлы ""Степи""";central;город Астана;НИШ;нет;24.11.2026;Иван Петров;01.09.2003;;\r\n' +
      'Ұшқыр ой;south;KZ-79;Шымкент университеті;;;Өмірзақ Нұрланұлы;2001-12-31;;\r\n';
    const dry = await postCsv('/api/teams/import?dryRun=true', csv).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 3, imported: 3, problems: [], items: [] });
    expect(await teamsNamed('Жас')).toEqual([]);

    const res = await postCsv('/api/teams/import', csv).expect(201);
    expect(res.body).toMatchObject({ dryRun: false, rows: 3, imported: 3, problems: [] });
    const [kyran] = await teamsNamed('Жас Қыран');
    expect(kyran).toMatchObject({
      regionCode: 'east',
      oblastCode: 'abai',
      institution: 'Семей колледжі; №2',
      rural: true,
      eventDate: '2026-11-24',
    });
    expect(kyran.members.map((m) => [m.position, m.fullName, m.birthDate])).toEqual([
      [1, 'Әлия Серікқызы', '2006-05-17'],
      [2, 'Данияр Болатұлы', '2005-01-02'],
    ]);
    const [orly] = await teamsNamed('Степи');
    expect(orly).toMatchObject({ name: 'Орлы "Степи"', regionCode: 'central', oblastCode: 'astana', rural: false });
    expect(orly.members.map((m) => m.birthDate)).toEqual(['2003-09-01']);
    const [ushkyr] = await teamsNamed('Ұшқыр');
    expect(ushkyr).toMatchObject({ regionCode: 'south', oblastCode: 'shymkent' });
    // Where teams are searched by oblast, the alias finds it too.
    const byAlias = await request(t.url).get('/api/teams').query({ oblastCode: 'абайская область' }).expect(200);
    expect(byAlias.body.items.map((team: TeamRow) => team.name)).toEqual(['Жас Қыран']);
  });

  it('an import with one bad row imports nothing and reports the row, field and code', async () => {
    const csv =
      'name,oblastCode,institution,member1Name,member1BirthDate\n' +
      'Good One,pavlodar,School 1,Асхат Ержанов,2006-02-03\n' +
      'Too Young,pavlodar,School 2,Малыш Кішкентай,2019-02-03\n' +
      'Good Two,Павлодарская область,School 3,Мария Иванова,2007-04-05\n' +
      'Nowhere,Марс,School 4,Кто-то,2006-01-01\n';
    const before = (await request(t.url).get('/api/teams').expect(200)).body.total;

    const dry = await postCsv('/api/teams/import?dryRun=true', csv).expect(200);
    expect(dry.body.imported).toBe(0);
    expect(
      dry.body.problems.map((p: { row: number; field: string; code: string }) => [p.row, p.field, p.code]),
    ).toEqual([
      [3, 'member1BirthDate', 'INVALID_INPUT'],
      [5, 'oblastCode', 'UNKNOWN_OBLAST'],
    ]);
    expect(dry.body.problems[0].message).toMatch(/gives age 7 on/);

    const real = await postCsv('/api/teams/import', csv).expect(400);
    expect(real.body.message).toEqual([
      expect.stringMatching(/^row 3: members\.0\.birthDate gives age 7/),
      expect.stringMatching(/^row 5: oblastCode "Марс"/),
    ]);
    expect(real.body.problems.map((p: { row: number; field: string }) => [p.row, p.field])).toEqual([
      [3, 'member1BirthDate'],
      [5, 'oblastCode'],
    ]);
    expect((await request(t.url).get('/api/teams').expect(200)).body.total).toBe(before);
    expect(await teamsNamed('Good')).toEqual([]);
  });

  it('a name repeated in the file, or already registered, is reported on its row', async () => {
    const csv =
      'name;oblastCode;institution;member1Name;member1BirthDate\n' +
      'Twin;akmola;A;Бір;2006-01-01\n' +
      'Twin;akmola;B;Екі;2006-01-01\n' +
      'Жас Қыран;abai;C;Үш;2006-01-01\n' +
      'Bad flag;akmola;D;Төрт;2006-01-01\n';
    const res = await postCsv('/api/teams/import?dryRun=true', csv).expect(200);
    expect(
      res.body.problems.map((p: { row: number; field: string; code: string }) => [p.row, p.field, p.code]),
    ).toEqual([
      [3, 'name', 'CONFLICT'],
      [4, 'name', 'CONFLICT'],
    ]);
    const flags =
      'name;oblastCode;institution;rural;member1Name;member1BirthDate\nFlag;akmola;D;maybe;Бес;2006-01-01\n';
    const flag = await postCsv('/api/teams/import?dryRun=true', flags).expect(200);
    expect(flag.body.problems).toEqual([expect.objectContaining({ row: 2, field: 'rural', code: 'IS_BOOLEAN' })]);
  });

  it('refuses a malformed sheet, unknown or missing columns, and a body that is not CSV', async () => {
    const quote = await postCsv(
      '/api/teams/import',
      'name;oblastCode;institution;member1Name;member1BirthDate\n"open;abai;x;y;2006-01-01\n',
    ).expect(400);
    expect(quote.body.problems).toEqual([expect.objectContaining({ field: 'body', code: 'CSV_MALFORMED' })]);
    const columns = await postCsv('/api/teams/import', 'name;oblast;institution;member1Name;member1BirthDate\n').expect(
      400,
    );
    expect(columns.body.problems.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual([
      ['oblast', 'UNKNOWN_COLUMN'],
      ['oblastCode', 'MISSING_COLUMN'],
    ]);
    const json = await request(t.url).post('/api/teams/import').set(bearer(admin)).send({ csv: 'x' }).expect(400);
    expect(json.body.problems).toEqual([expect.objectContaining({ field: 'body', code: 'CSV_CONTENT_TYPE' })]);
    await postCsv('/api/teams/import?dryRun=yes', 'name\n').expect(400);
  });

  it('imports judges with their one-time codes; one bad row imports none; the tab account may not import', async () => {
    const before = await judgeCount();
    const bad =
      'fullName,regionCode,institution,strength\nНұрлан Әбдіков,north,ПГУ,7\nИван Сидоров,mars,КарГУ,5\nЖанна Ли,west,АтГУ,11\n';
    const refused = await postCsv('/api/judges/import', bad).expect(400);
    expect(
      refused.body.problems.map((p: { row: number; field: string; code: string }) => [p.row, p.field, p.code]),
    ).toEqual([
      [3, 'regionCode', 'INVALID_INPUT'],
      [4, 'strength', 'MAX'],
    ]);
    expect(await judgeCount()).toBe(before);

    const good =
      '\uFEFFfullName;regionCode;institution;strength\r\nНұрлан Әбдіков;north;"ПГУ ""Торайғыров""";7,5\r\nАнна Ким;west;АтГУ;\r\n';
    const res = await postCsv('/api/judges/import', good).expect(201);
    expect(res.body).toMatchObject({ dryRun: false, rows: 2, imported: 2, problems: [] });
    expect(
      res.body.items.map((j: { fullName: string; institution: string; strength: number }) => [
        j.fullName,
        j.institution,
        j.strength,
      ]),
    ).toEqual([
      ['Нұрлан Әбдіков', 'ПГУ "Торайғыров"', 7.5],
      ['Анна Ким', 'АтГУ', 5],
    ]);
    for (const judge of res.body.items) {
      const login = await request(t.url).post('/api/auth/judge').send({ accessCode: judge.accessCode }).expect(200);
      expect(login.body.judgeId).toBe(judge.id);
    }
    expect(await judgeCount()).toBe(before + 2);

    const tab = await request(t.url)
      .post('/api/organisers')
      .set(bearer(admin))
      .send({ username: 'tab-import', role: 'tab', password: 'tab-password-1' })
      .expect(201);
    expect(tab.body.password).toBeUndefined();
    const token = (
      await request(t.url)
        .post('/api/auth/login')
        .send({ username: 'tab-import', password: 'tab-password-1' })
        .expect(200)
    ).body.accessToken;
    await postCsv('/api/judges/import', good, token).expect(403);
    await postCsv('/api/teams/import', 'name\n', token).expect(403);
  });
});
