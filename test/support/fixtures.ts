import request from 'supertest';
import type { TestApp } from './test-app.js';

export interface CreatedJudge {
  id: string;
  token: string;
  accessCode: string;
  fullName: string;
  institution: string;
}

const OBLAST: Record<string, string> = {
  south: 'shymkent',
  north: 'pavlodar',
  west: 'atyrau',
  central: 'karaganda',
  east: 'abai',
};

export class Fixtures {
  private counter = 0;

  constructor(
    private readonly t: TestApp,
    private readonly organiser: string,
  ) {}

  auth() {
    return { Authorization: `Bearer ${this.organiser}` };
  }

  async team(
    regionCode: string,
    name = `Team ${++this.counter}`,
    options: { institution?: string; birthDate?: string; members?: number } = {},
  ): Promise<{ id: string; name: string; members: { id: string; fullName: string }[] }> {
    const members = Array.from({ length: options.members ?? 3 }, (_, i) => ({
      fullName: `${name} speaker ${i + 1}`,
      birthDate: options.birthDate ?? '2005-03-0' + (i + 1),
    }));
    const res = await request(this.t.url)
      .post('/api/teams')
      .set(this.auth())
      .send({
        name,
        regionCode,
        oblastCode: OBLAST[regionCode],
        institution: options.institution ?? `${name} School`,
        eventDate: '2026-11-24',
        members,
      })
      .expect(201);
    return res.body;
  }

  async judge(
    regionCode: string,
    options: { institution?: string; strength?: number; name?: string } = {},
  ): Promise<CreatedJudge> {
    const fullName = options.name ?? `Judge ${++this.counter}`;
    const institution = options.institution ?? `${fullName} Institute`;
    const created = await request(this.t.url)
      .post('/api/judges')
      .set(this.auth())
      .send({ fullName, regionCode, institution, strength: options.strength })
      .expect(201);
    const login = await request(this.t.url)
      .post('/api/auth/judge')
      .send({ accessCode: created.body.accessCode })
      .expect(200);
    return {
      id: created.body.id,
      token: login.body.accessToken,
      accessCode: created.body.accessCode,
      fullName,
      institution,
    };
  }
}
