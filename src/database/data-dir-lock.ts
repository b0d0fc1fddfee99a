import { closeSync, existsSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when another live process holds the data folder. */
export class DataDirInUse extends Error {}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** A pid is a live holder when that process exists and (where /proc tells) is a Node process, not a reused pid. */
function holderAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync(cmdline) || readFileSync(cmdline, 'utf8').includes('node');
}

/**
 * An exclusive lock on the embedded database's folder: an `O_EXCL` pid file. PGlite has no lock of its own, so
 * two instances on one folder would both write to it and lose each other's commits. A file left by a killed
 * process is stale (its pid is gone) and is taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'orleu.pid');
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        if (readPid(file) === process.pid) unlinkSync(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readPid(file);
    if (holder !== undefined && holderAlive(holder)) {
      throw new DataDirInUse(
        `DATA_DIR ${dir} is in use by another Orleu instance (pid ${holder}); stop it or choose another DATA_DIR`,
      );
    }
    // Stale: move it aside atomically; if what we moved is not the stale file we read (another starter took
    // the lock in between), put it back and look again.
    const aside = `${file}.${process.pid}.stale`;
    try {
      renameSync(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    if (readPid(aside) !== holder) {
      try {
        linkSync(aside, file);
      } catch {
        // Someone else holds it now; the next round reads their pid.
      }
    }
    unlinkSync(aside);
  }
  throw new DataDirInUse(`DATA_DIR ${dir}: could not take the lock file ${file}`);
}
