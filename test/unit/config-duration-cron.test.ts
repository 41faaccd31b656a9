import { formatDuration, parseDuration } from '../../src/config/duration.js';
import { Cron } from 'croner';
import { describeCron, nextRuns, shortestIntervalSeconds, validateCron } from '../../src/config/cron.js';

/**
 * croner's own walk, set up as Cloud Scheduler reads cron (day-of-month OR day-of-week only when
 * both are restricted): the reference for nextRuns and shortestIntervalSeconds, which compute
 * the same runs without it (~20 ms for a few runs in a zone, ~40 ms for 200).
 */
const cronerRuns = (e: string, zone: string, from: Date, runs: number): number[] => {
  const [, , dom = '*', , dow = '*'] = e.split(' ');
  const cron = new Cron(e, { mode: '5-part', timezone: zone, domAndDow: dom.startsWith('*') || dow.startsWith('*') });
  return cron.nextRuns(runs, from).map((d) => d.getTime());
};

describe('parseDuration', () => {
  it.each([
    ['90s', 90], ['10m', 600], ['2h', 7200], ['1h30m', 5400], ['1h30m15s', 5415], ['600', 600], ['0', 0], ['2m30s', 150],
  ])('%s -> %i seconds', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(['', 'h', '1.5h', '10 m', '-5s', '1d', '30s1m', 'm10'])(
    'rejects %j',
    (text) => expect(parseDuration(text)).toBeUndefined(),
  );
});

describe('formatDuration', () => {
  it.each([[5400, '1h30m'], [90, '1m30s'], [0, '0s'], [3600, '1h'], [604800, '168h'], [5415, '1h30m15s']])('%i -> %s', (s, text) =>
    expect(formatDuration(s)).toBe(text),
  );
});

describe('validateCron', () => {
  it.each(['0 3 * * *', '*/15 * * * *', '0 9-17 * * MON-FRI', '0 0 1,15 * *', '30 2 * JAN,JUL 0', '0 0 * * 7'])('accepts %j', (e) =>
    expect(validateCron(e)).toBeUndefined(),
  );
  it.each([
    ['@daily', /macros/],
    ['0 0 3 * * *', /6 fields/],
    ['* * * *', /4 fields/],
    ['0 0 L * *', /"L" is not allowed/],
    ['0 0 * * 5#2', /not allowed/],
    ['0 0 ? * *', /not allowed/],
    ['0 0 * * mon', /upper-case names/],
    ['0 24 * * *', /hour/],
    ['61 * * * *', /minute/],
    ['0 0 31 2 *', /never fires/],
    ['5/10 * * * *', /stepping/],
  ])('rejects %j', (e, why) => expect(validateCron(e)).toMatch(why));
});

describe('nextRuns', () => {
  const from = new Date('2025-01-01T00:00:00Z'); // a Wednesday

  it('evaluates in the time zone', () => {
    expect(nextRuns('0 3 * * *', 'Europe/Berlin', 2, from).map((d) => d.toISOString())).toEqual([
      '2025-01-01T02:00:00.000Z',
      '2025-01-02T02:00:00.000Z',
    ]);
  });

  it('keeps the wall-clock time across DST (Europe/Berlin, spring forward on 2025-03-30)', () => {
    const runs = nextRuns('0 3 * * *', 'Europe/Berlin', 3, new Date('2025-03-28T12:00:00Z')).map((d) => d.toISOString());
    expect(runs).toEqual(['2025-03-29T02:00:00.000Z', '2025-03-30T01:00:00.000Z', '2025-03-31T01:00:00.000Z']);
  });

  it('across DST in America/New_York (fall back on 2025-11-02)', () => {
    const runs = nextRuns('30 12 * * *', 'America/New_York', 3, new Date('2025-11-01T00:00:00Z')).map((d) => d.toISOString());
    expect(runs).toEqual(['2025-11-01T16:30:00.000Z', '2025-11-02T17:30:00.000Z', '2025-11-03T17:30:00.000Z']);
  });

  it('ORs day-of-month and day-of-week when both are restricted', () => {
    // The 15th, or any Monday.
    const days = nextRuns('0 0 15 * 1', 'Etc/UTC', 4, from).map((d) => d.toISOString().slice(0, 10));
    expect(days).toEqual(['2025-01-06', '2025-01-13', '2025-01-15', '2025-01-20']);
  });

  it('ANDs them when one starts with * (Vixie cron)', () => {
    // Odd days that are Mondays.
    const days = nextRuns('0 0 */2 * 1', 'Etc/UTC', 3, from).map((d) => d.toISOString().slice(0, 10));
    expect(days).toEqual(['2025-01-13', '2025-01-27', '2025-02-03']);
    expect(nextRuns('0 0 * * 1', 'Etc/UTC', 1, from)[0]!.toISOString().slice(0, 10)).toBe('2025-01-06');
  });
});

describe('describeCron', () => {
  it('says it in English', () => {
    expect(describeCron('0 3 * * 1-5')).toBe('At 03:00, Monday through Friday');
    expect(describeCron('*/15 * * * *')).toBe('Every 15 minutes');
  });
});

describe('shortestIntervalSeconds', () => {
  // The 200-run walk of croner (what this function did before, ~40 ms a call): the reference.
  const croner = (e: string, zone: string, from: Date, runs = 200) => {
    const t = cronerRuns(e, zone, from, runs);
    return Math.min(...t.slice(1).map((x, i) => (x - t[i]!) / 1000));
  };

  it.each([
    ['*/15 * * * *', 900],
    ['0 3 * * *', 86400],
    ['0 9,10 * * *', 3600],
    ['0 0 1,2 * *', 86400],
  ])('%s -> %i', (e, s) => expect(shortestIntervalSeconds(e, 'Etc/UTC', 100, new Date('2025-01-01T00:00:00Z'))).toBe(s));

  it('sees the short night of a DST change', () => {
    // 01:30 and 03:30 Berlin are 1h apart on the night clocks spring forward.
    expect(shortestIntervalSeconds('30 1,3 * * *', 'Europe/Berlin', 400, new Date('2025-03-01T00:00:00Z'))).toBe(3600);
  });

  it.each([
    ['*/7 * * * *', 240], // :56 -> :00 of the next hour
    ['*/7 9-17 * * *', 240],
    ['0 9-17/4 * * *', 4 * 3600],
    ['50 23 * * *', 86400],
    ['0,50 23 * * *', 3000],
    ['0 0 15 * 1', 86400], // the 15th or any Monday: Monday the 14th, then the 15th
    ['0 0 */2 * 1', 86400 * 7], // odd days that are Mondays: Monday the 31st, then the 7th
    ['0 0 31 * *', 86400 * 31], // Jul 31 -> Aug 31
    ['0 0 29 2 *', 86400 * 1461],
    ['15 10 * * MON-FRI', 86400],
    ['30 2 * JAN,JUL 0', 86400 * 7],
  ])('%s -> %i (tricky fields, UTC; croner agrees)', (e, s) => {
    const from = new Date('2025-01-01T00:00:00Z');
    expect(shortestIntervalSeconds(e, 'Etc/UTC', 200, from)).toBe(s);
    expect(croner(e, 'Etc/UTC', from)).toBe(s);
  });
  const EXPRESSIONS = [
    '*/15 * * * *', '*/7 * * * *', '0 * * * *', '30 1,3 * * *', '30 2 * * *', '0 2 * * *', '30 1-3 * * *', '*/20 1-3 * * *',
    '0 3 * * *', '0 0 * * 0', '0 0 15 * 1', '0 0 */2 * 1', '0 0 1 * *', '0 12 1,15 * *', '0 0,12 * * SAT,SUN', '45 23 28-31 * *',
    '0 0 29 2 *', '5 4 * * 1-5', '0 0 1 JAN,APR,JUL,OCT *', '30 2,5 * * *', '0 0,1 * * *',
  ];
  const ZONES = ['Etc/UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata'];
  const FROM = ['2025-03-29T20:00:00Z', '2025-10-25T22:30:00Z', '2025-11-01T12:00:00Z', '2025-04-05T10:00:00Z', '2025-09-06T00:00:00Z', '2026-06-15T07:13:29Z'];
  it.each(ZONES)('gives croner\'s runs and interval in %s, across its DST changes', (zone) => {
    for (const e of EXPRESSIONS) {
      for (const from of FROM.map((f) => new Date(f))) {
        const runs = e.includes('*/') || /^\S+ \*/.test(e) ? 60 : 8; // enough runs to cross the change, few enough to be quick
        const reference = cronerRuns(e, zone, from, runs);
        const interval = Math.min(...reference.slice(1).map((x, i) => (x - reference[i]!) / 1000));
        expect([e, from.toISOString(), nextRuns(e, zone, runs, from).map((d) => d.getTime())]).toEqual([e, from.toISOString(), reference]);
        expect([e, from.toISOString(), shortestIntervalSeconds(e, zone, runs, from)]).toEqual([e, from.toISOString(), interval]);
      }
    }
  });
});
