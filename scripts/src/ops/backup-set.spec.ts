import { backupName, expired, type StoredBackup } from './backup-set.js';
import { parseSince } from './events-replay.js';

const DAY = 86_400_000;
const now = new Date('2026-12-03T12:00:00Z');
/** Backups made 0, 1, 2 … days before now, newest first (as backupsIn lists them). */
const daily = (n: number): StoredBackup[] =>
  Array.from({ length: n }, (_, i) => {
    const at = new Date(now.getTime() - i * DAY);
    return { name: backupName('garage', at), path: `/b/${i}`, at };
  });
const names = (list: StoredBackup[]) => list.map((b) => b.path);

describe('backup names', () => {
  it('carry the database and the UTC time, sortable as text', () => {
    expect(backupName('garage', new Date('2026-12-03T09:05:07.123Z'))).toBe('garage-20261203T090507Z');
  });
});

describe('retention', () => {
  it('removes what is past the newest BACKUP_KEEP', () => {
    expect(names(expired(daily(5), 3, 0, now))).toEqual(['/b/3', '/b/4']);
  });

  it('removes what is older than BACKUP_MAX_AGE_DAYS, whatever the count', () => {
    expect(names(expired(daily(5), 10, 2.5, now))).toEqual(['/b/3', '/b/4']);
  });

  it('always keeps the newest, however old', () => {
    const stale = daily(3).map((b) => ({ ...b, at: new Date(b.at.getTime() - 100 * DAY) }));
    expect(names(expired(stale, 10, 30, now))).toEqual(['/b/1', '/b/2']);
    expect(expired(daily(1), 1, 1, now)).toEqual([]);
  });
});

describe('events:replay --since', () => {
  it('takes an ISO 8601 time or a span ago', () => {
    expect(parseSince('2026-12-03T10:00:00Z')?.toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(parseSince('90m', now.getTime())?.toISOString()).toBe('2026-12-03T10:30:00.000Z');
    expect(parseSince('2d', now.getTime())?.toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });

  it('refuses anything else', () => {
    for (const bad of ['yesterday', '10', '5w', '2026-13-45', '']) expect(parseSince(bad)).toBeNull();
  });
});
