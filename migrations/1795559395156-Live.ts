import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Live1795559395156 implements MigrationInterface {
  name = 'Live1795559395156';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "live_rooms" ("room" text NOT NULL, "seq" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_2877a2c463968862e507bb9f90a" PRIMARY KEY ("room"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "live_events" ("room" text NOT NULL, "seq" integer NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_63df381e2967d05782c6f81502d" PRIMARY KEY ("room", "seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_live_events_created" ON "live_events"  ("created_at") `);
    // @socket.io/postgres-adapter's table for payloads too large for NOTIFY; not an entity, so not in the drift check.
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "socket_io_attachments" ("id" bigserial UNIQUE, "created_at" timestamptz DEFAULT now(), "payload" bytea)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "socket_io_attachments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_live_events_created"`);
    await queryRunner.query(`DROP TABLE "live_events"`);
    await queryRunner.query(`DROP TABLE "live_rooms"`);
  }
}
