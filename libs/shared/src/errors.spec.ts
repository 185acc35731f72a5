import {
  DomainError,
  ERROR_STATUS,
  type ErrorCode,
  asWireError,
  httpErrorBody,
  statusOf,
  statusText,
  toWireError,
} from './errors.js';

const EXPECTED_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

describe('statusOf', () => {
  it.each(Object.entries(EXPECTED_STATUS))('maps %s to %i', (code, status) => {
    expect(statusOf(code)).toBe(status);
  });

  it('covers exactly the known codes', () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual(Object.keys(EXPECTED_STATUS).sort());
  });

  it('maps an unknown code to 500', () => {
    expect(statusOf('NOPE')).toBe(500);
    expect(statusOf('')).toBe(500);
    expect(statusOf('not_found')).toBe(500);
  });

  it.each(['toString', 'constructor', 'hasOwnProperty', '__proto__'])(
    'maps the Object.prototype name %s to 500, not to a prototype member',
    (code) => {
      expect(statusOf(code)).toBe(500);
    },
  );
});

describe('statusText', () => {
  it('gives reason phrases, and "Error" for unknown statuses', () => {
    expect(statusText(400)).toBe('Bad Request');
    expect(statusText(404)).toBe('Not Found');
    expect(statusText(405)).toBe('Method Not Allowed');
    expect(statusText(429)).toBe('Too Many Requests');
    expect(statusText(431)).toBe('Request Header Fields Too Large');
    expect(statusText(504)).toBe('Gateway Timeout');
    expect(statusText(418)).toBe('Error');
  });
});

describe('httpErrorBody', () => {
  it('builds the minimal body from a status and message, deriving the code', () => {
    expect(httpErrorBody(404, 'No such car')).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'NOT_FOUND',
      message: 'No such car',
    });
  });

  it('has a status, reason and code for every error code', () => {
    for (const [code, status] of Object.entries(EXPECTED_STATUS)) {
      const body = httpErrorBody(status, 'm');
      expect(body.statusCode).toBe(status);
      expect(body.code).toBe(code);
      expect(body.error).not.toBe('Error');
    }
  });

  it('includes requestId and details when given, and keeps an explicit code', () => {
    const details = [{ field: 'email', message: 'is required' }];
    expect(httpErrorBody(400, 'Invalid input', 'req-1', details, 'VALIDATION_FAILED')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
      message: 'Invalid input',
      requestId: 'req-1',
      details,
    });
    expect(httpErrorBody(400, 'Bad JSON', undefined, undefined, 'BAD_JSON').code).toBe('BAD_JSON');
  });

  it('leaves out an empty requestId and empty details', () => {
    const body = httpErrorBody(409, 'Taken', '', []);
    expect(body).toEqual({ statusCode: 409, error: 'Conflict', code: 'CONFLICT', message: 'Taken' });
    expect(body).not.toHaveProperty('requestId');
    expect(body).not.toHaveProperty('details');
  });

  it('uses ERROR for a status with no code', () => {
    expect(httpErrorBody(405, 'Method not allowed')).toEqual({
      statusCode: 405,
      error: 'Method Not Allowed',
      code: 'ERROR',
      message: 'Method not allowed',
    });
  });
});

describe('DomainError', () => {
  it('is an Error with a name, code, details and retryAfter', () => {
    const err = new DomainError('RATE_LIMITED', 'Slow down', undefined, 30);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('DomainError');
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.retryAfter).toBe(30);
    expect(err.toWire()).toEqual({ code: 'RATE_LIMITED', message: 'Slow down', retryAfter: 30 });
  });

  it('leaves empty details out of the wire form but keeps retryAfter 0', () => {
    const wire = new DomainError('RATE_LIMITED', 'Now', [], 0).toWire();
    expect(wire).toEqual({ code: 'RATE_LIMITED', message: 'Now', retryAfter: 0 });
    expect(wire).not.toHaveProperty('details');
  });
});

describe('toWireError', () => {
  it('keeps the code, message, details and retryAfter of a DomainError', () => {
    const details = [{ field: 'password', message: 'too short' }];
    expect(toWireError(new DomainError('VALIDATION_FAILED', 'Invalid input', details))).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Invalid input',
      details,
    });
    expect(toWireError(new DomainError('RATE_LIMITED', 'Too many attempts', undefined, 12))).toEqual({
      code: 'RATE_LIMITED',
      message: 'Too many attempts',
      retryAfter: 12,
    });
    expect(toWireError(new DomainError('NOT_FOUND', 'No such user'))).toEqual({
      code: 'NOT_FOUND',
      message: 'No such user',
    });
  });

  it('turns an unknown error into INTERNAL without leaking its message', () => {
    const sqlError = Object.assign(
      new Error('duplicate key value violates unique constraint "users_username_key" in INSERT INTO users ...'),
      { code: '23505', detail: 'Key (username)=(alice) already exists.' },
    );
    const wire = toWireError(sqlError);
    expect(wire).toEqual({ code: 'INTERNAL', message: 'Internal error' });
    expect(JSON.stringify(wire)).not.toMatch(/users|INSERT|alice|23505/);
  });

  it.each([
    ['a plain Error', new Error('SELECT * FROM secrets')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'boom'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an object with an unknown code', { code: 'EWHATEVER', message: 'connect EWHATEVER 10.0.0.5:5432' }],
    ['an object without a message', { code: 'NOT_FOUND' }],
  ])('turns %s into INTERNAL', (_label, value) => {
    expect(toWireError(value)).toEqual({ code: 'INTERNAL', message: 'Internal error' });
  });

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' })],
    [
      'a DNS answer that did not come',
      Object.assign(new Error('getaddrinfo EAI_AGAIN postgres'), { code: 'EAI_AGAIN' }),
    ],
    [
      'Postgres shutting down',
      { driverError: { code: '57P01' }, message: 'terminating connection', query: 'SELECT 1' },
    ],
    ['ioredis offline', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
  ])('turns %s into SERVICE_UNAVAILABLE without its text', (_label, value) => {
    expect(toWireError(value)).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'A backing service is unavailable' });
  });

  it('turns data Postgres refuses (a NUL byte: SQLSTATE 22021) into VALIDATION_FAILED without the SQL', () => {
    const err = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      query: 'INSERT INTO auth.customers …',
      parameters: ['x\u0000'],
      driverError: { code: '22021' },
    });
    const wire = toWireError(err);
    expect(wire.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(wire)).not.toMatch(/INSERT|UTF8/);
  });

  it('passes through a value that already is a wire error', () => {
    const wire = { code: 'FORBIDDEN', message: 'Not your branch' };
    expect(toWireError(wire)).toEqual(wire);
  });
});

describe('asWireError', () => {
  it('accepts an object with a known code and a string message', () => {
    expect(asWireError({ code: 'CONFLICT', message: 'Taken' })).toEqual({ code: 'CONFLICT', message: 'Taken' });
    expect(asWireError({ code: 'RATE_LIMITED', message: 'Wait', retryAfter: 5 })).toEqual({
      code: 'RATE_LIMITED',
      message: 'Wait',
      retryAfter: 5,
    });
  });

  it.each([
    ['null', null],
    ['a string', 'NOT_FOUND'],
    ['a number', 404],
    ['an unknown code', { code: 'TEAPOT', message: 'x' }],
    ['a lower-case code', { code: 'not_found', message: 'x' }],
    ['a numeric code', { code: 404, message: 'x' }],
    ['a missing message', { code: 'NOT_FOUND' }],
    ['a non-string message', { code: 'NOT_FOUND', message: 1 }],
  ])('rejects %s', (_label, value) => {
    expect(asWireError(value)).toBeNull();
  });

  it.each(['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__'])(
    'rejects the inherited Object.prototype name %s as a code',
    (code) => {
      expect(asWireError({ code, message: 'x' })).toBeNull();
    },
  );
});
