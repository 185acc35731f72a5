import { PassThrough } from 'node:stream';
import { formatLogLine, logFormatOf, prettyPipe } from './pretty-logs';

const TIME = Date.UTC(2026, 11, 3, 12, 4, 5, 123);
const line = (entry: Record<string, unknown>) =>
  JSON.stringify({ level: 30, time: TIME, pid: 42, hostname: 'box', service: 'bookings', name: 'bookings', ...entry });

describe('formatLogLine', () => {
  it('shows time, service, level and message, then the other fields as key=value', () => {
    expect(formatLogLine(line({ msg: 'bookings service ready', healthPort: 3004, prefix: 'garage' }))).toBe(
      '12:04:05.123  bookings   INFO   bookings service ready  healthPort=3004 prefix=garage',
    );
  });

  it('shortens the trace id, quotes text with spaces, and shows an error as its type and message', () => {
    const text = formatLogLine(
      line({
        level: 50,
        msg: 'handler failed',
        requestId: 'r-1',
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
        pattern: 'bookings.create',
        note: 'two words',
        err: { type: 'TypeError', message: 'x is undefined', stack: 'at a.js:1' },
      }),
    );
    expect(text).toBe(
      '12:04:05.123  bookings   ERROR  handler failed  requestId=r-1 traceId=4bf92f35 pattern=bookings.create note="two words" err="TypeError: x is undefined"',
    );
  });

  it('cuts long values, and leaves a line that is not a log entry as it is', () => {
    const text = formatLogLine(line({ msg: 'demo data loaded', added: Array.from({ length: 40 }, (_, i) => `b${i}`) }));
    expect(text.length).toBeLessThan(150);
    expect(text.endsWith('…')).toBe(true);
    for (const other of ['Garage chain is running: http://localhost:5000', '{"not":"pino"}', '', '{broken']) {
      expect(formatLogLine(other)).toBe(other);
    }
  });

  it('colours the level in a terminal', () => {
    expect(formatLogLine(line({ level: 40, msg: 'slow request' }), true)).toContain('\u001b[33mWARN \u001b[0m');
  });
});

describe('logFormatOf', () => {
  it('is pretty in a terminal and JSON otherwise, unless LOG_FORMAT says', () => {
    expect(logFormatOf({}, true)).toBe('pretty');
    expect(logFormatOf({}, false)).toBe('json');
    expect(logFormatOf({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormatOf({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(logFormatOf({ LOG_FORMAT: 'fancy' }, false)).toBe('json');
  });
});

describe('prettyPipe', () => {
  it('formats whole lines, even when a line arrives in pieces', async () => {
    const from = new PassThrough();
    const out = new PassThrough();
    let written = '';
    out.on('data', (d: Buffer) => (written += d.toString()));
    prettyPipe(from, out, false);
    const whole = line({ msg: 'first' });
    from.write(whole.slice(0, 20));
    from.write(`${whole.slice(20)}\nplain text\n${line({ msg: 'last' })}`);
    from.end();
    await new Promise((done) => from.on('end', done));
    expect(written.split('\n')).toEqual([
      '12:04:05.123  bookings   INFO   first',
      'plain text',
      '12:04:05.123  bookings   INFO   last',
      '',
    ]);
  });
});
