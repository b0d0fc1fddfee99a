import type { MigrationInterface, QueryRunner } from 'typeorm';

interface StoredMatch {
  teamIds: (string | null)[];
  winnerTeamId: string | null;
  ranking?: string[] | null;
}

interface StoredBracket {
  roomSize?: number;
  rounds: { name: string; matches: StoredMatch[] }[];
}

/**
 * Data only: brackets stored before elimination rooms of four existed become two-team brackets in the new shape
 * (`roomSize`, `advancing`, and each decided match's `ranking`, winner first), so a tournament in its
 * elimination rounds carries on after the upgrade.
 */
export class BracketRooms1795650000000 implements MigrationInterface {
  name = 'BracketRooms1795650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const rows = (await queryRunner.query(`SELECT "id", "bracket" FROM "tournaments" WHERE "bracket" IS NOT NULL`)) as {
      id: string;
      bracket: StoredBracket;
    }[];
    for (const { id, bracket } of rows) {
      if (bracket.roomSize !== undefined) continue;
      const upgraded = {
        ...bracket,
        roomSize: 2,
        advancing: 1,
        rounds: bracket.rounds.map((round) => ({
          ...round,
          matches: round.matches.map((m) => ({
            ...m,
            ranking: m.winnerTeamId
              ? [m.winnerTeamId, ...m.teamIds.filter((t): t is string => t !== null && t !== m.winnerTeamId)]
              : null,
          })),
        })),
      };
      await queryRunner.query(`UPDATE "tournaments" SET "bracket" = $1 WHERE "id" = $2`, [
        JSON.stringify(upgraded),
        id,
      ]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const rows = (await queryRunner.query(`SELECT "id", "bracket" FROM "tournaments" WHERE "bracket" IS NOT NULL`)) as {
      id: string;
      bracket: StoredBracket;
    }[];
    for (const { id, bracket } of rows) {
      if (bracket.roomSize !== 2) continue;
      const { roomSize: _roomSize, advancing: _advancing, ...rest } = bracket as StoredBracket & { advancing?: number };
      const downgraded = {
        ...rest,
        rounds: bracket.rounds.map((round) => ({
          ...round,
          matches: round.matches.map(({ ranking: _ranking, ...m }) => m),
        })),
      };
      await queryRunner.query(`UPDATE "tournaments" SET "bracket" = $1 WHERE "id" = $2`, [
        JSON.stringify(downgraded),
        id,
      ]);
    }
  }
}
