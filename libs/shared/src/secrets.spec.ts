import { describeSetting, maskCredentials, maskSecrets } from './secrets';
import { ConfigError, baseEnvSchema, loadConfig } from './config/config';
import { describeStartupError } from './process';

describe('no credential in a message', () => {
  it('masks the password of a URL, valid or not, and leaves the rest readable', () => {
    expect(maskCredentials('postgres://garage:S3cret-pw@db:5432/garage')).toBe('postgres://garage:***@db:5432/garage');
    expect(maskCredentials('at postgres://garage:S3cret@bad host/db and redis://:pw@cache:6379')).toBe(
      'at postgres://garage:***@bad host/db and redis://:***@cache:6379',
    );
    expect(maskCredentials('postgres://garage@db/garage (no password)')).toBe(
      'postgres://garage@db/garage (no password)',
    );
  });

  it('hides secret-named settings entirely and masks the values of secret variables wherever they appear', () => {
    expect(describeSetting('SECRET_KEY', 'abc')).toBe('(hidden)');
    expect(describeSetting('NATS_PASSWORD', 'abc')).toBe('(hidden)');
    expect(describeSetting('REDIS_URL', 'redis://:pw@x')).toBe('"redis://:***@x"');
    expect(maskSecrets('auth failed for Tr0ub4dor&3', { PGPASSWORD: 'Tr0ub4dor&3', PORT: '5000' })).toBe(
      'auth failed for ***',
    );
  });

  it('a bad DATABASE_URL does not print its password in the configuration error', () => {
    let err: unknown;
    try {
      loadConfig(baseEnvSchema, { DATABASE_URL: 'postgres://garage:S3cretPw@bad host/db' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain('DATABASE_URL="postgres://garage:***@bad host/db"');
    expect((err as Error).message).not.toContain('S3cretPw');
  });

  it('a start-up failure that echoes a connection string is masked', () => {
    const err = Object.assign(new Error('cannot connect to postgres://garage:S3cretPw@db:5432/garage'), {
      code: 'ECONNREFUSED',
    });
    expect(describeStartupError(err)).not.toContain('S3cretPw');
  });
});
