import { describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { GroupCommit, IN_FLIGHT } from './group-commit.js';

interface Item {
  id: string;
  who: string;
}

/** A writer whose batches stay open until the test lets each one commit (or fail), in any order. */
function heldWriter() {
  const batches: { items: string[]; commit(): void; fail(): void }[] = [];
  let open = 0;
  let mostOpen = 0;
  const write = (batch: Item[]) =>
    new Promise<Map<Item, string>>((resolve, reject) => {
      open++;
      mostOpen = Math.max(mostOpen, open);
      batches.push({
        items: batch.map((i) => i.id),
        commit: () => {
          open--;
          resolve(new Map(batch.map((i) => [i, `written:${i.id}`])));
        },
        fail: () => {
          open--;
          reject(new Error('deadlock detected'));
        },
      });
    });
  return { batches, write, mostOpen: () => mostOpen };
}

const quiet = new Logger('group-commit.spec');
quiet.warn = () => undefined;
const turn = () => new Promise((r) => setImmediate(r));
const item = (id: string, who = id): Item => ({ id, who });

describe('GroupCommit', () => {
  it('writes two batches at once and holds later submissions for the first batch that commits', async () => {
    const writer = heldWriter();
    const commit = new GroupCommit<Item, string>(writer.write, (i) => i.who, quiet, 'items');
    const a = [commit.submit(item('a1')), commit.submit(item('a2'))];
    await turn();
    expect(writer.batches.map((b) => b.items)).toEqual([['a1', 'a2']]);

    // The first batch is at the database: a second one starts without waiting for it.
    const b = [commit.submit(item('b1')), commit.submit(item('b2'))];
    await turn();
    expect(writer.batches.map((x) => x.items)).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
    ]);

    // Both in flight: these wait, and go together in the batch that follows whichever commits first.
    const c = [commit.submit(item('c1')), commit.submit(item('c2')), commit.submit(item('c3'))];
    await turn();
    expect(writer.batches).toHaveLength(2);
    writer.batches[1].commit();
    expect(await Promise.all(b)).toEqual(['written:b1', 'written:b2']);
    await turn();
    expect(writer.batches.map((x) => x.items)).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
      ['c1', 'c2', 'c3'],
    ]);
    writer.batches[0].commit();
    writer.batches[2].commit();
    expect(await Promise.all([...a, ...c])).toEqual(['a1', 'a2', 'c1', 'c2', 'c3'].map((id) => `written:${id}`));
    expect(writer.mostOpen()).toBe(IN_FLIGHT);
    expect(IN_FLIGHT).toBe(2);
  });

  it('never has more than IN_FLIGHT batches open, however the submissions arrive', async () => {
    const writer = heldWriter();
    const commit = new GroupCommit<Item, string>(writer.write, (i) => i.who, quiet, 'items');
    const answers: Promise<string | undefined>[] = [];
    for (let round = 0; round < 6; round++) {
      answers.push(commit.submit(item(`r${round}`)));
      await turn();
    }
    expect(writer.batches.map((b) => b.items)).toEqual([['r0'], ['r1']]);
    // What came while both were open is one batch, not one per turn.
    writer.batches[0].commit();
    await turn();
    expect(writer.batches.map((b) => b.items)).toEqual([['r0'], ['r1'], ['r2', 'r3', 'r4', 'r5']]);
    writer.batches[1].commit();
    writer.batches[2].commit();
    expect(await Promise.all(answers)).toHaveLength(6);
    expect(writer.mostOpen()).toBe(2);
  });

  it('leaves a repeated identity to be taken alone, and every submission of a failed batch', async () => {
    const writer = heldWriter();
    const commit = new GroupCommit<Item, string>(writer.write, (i) => i.who, quiet, 'items');
    const first = commit.submit(item('x1', 'judge-1'));
    const repeat = commit.submit(item('x2', 'judge-1'));
    const other = commit.submit(item('y1', 'judge-2'));
    await turn();
    expect(writer.batches[0].items).toEqual(['x1', 'y1']);
    writer.batches[0].commit();
    expect(await Promise.all([first, repeat, other])).toEqual(['written:x1', undefined, 'written:y1']);

    const lost = [commit.submit(item('z1')), commit.submit(item('z2'))];
    await turn();
    writer.batches[1].fail();
    expect(await Promise.all(lost)).toEqual([undefined, undefined]);
    // The queue keeps working after a rollback.
    const after = commit.submit(item('w1'));
    await turn();
    writer.batches[2].commit();
    expect(await after).toBe('written:w1');
  });
});
