import { DomainError } from '@garage/shared';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, assertPasswordAllowed, passwordProblem } from './password-policy.js';

const strict = { requireComposition: true };
const relaxed = { requireComposition: false };
const KEY = '🔑'; // one code point, two UTF-16 code units

describe('passwordProblem', () => {
  it('has the documented limits', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(8);
    expect(MAX_PASSWORD_LENGTH).toBe(128);
  });

  it('accepts a good password under either setting', () => {
    expect(passwordProblem('Tr0ub4dor-x', strict)).toBeNull();
    expect(passwordProblem('Tr0ub4dor-x', relaxed)).toBeNull();
  });

  describe('length', () => {
    it('refuses fewer than 8 characters and accepts exactly 8', () => {
      expect(passwordProblem('Abcde1x', strict)).toBe('Password must be at least 8 characters long');
      expect(passwordProblem('', relaxed)).toBe('Password must be at least 8 characters long');
      expect(passwordProblem('Abcde1xy', strict)).toBeNull();
    });

    it('accepts exactly 128 characters and refuses 129', () => {
      const base = 'Aa1';
      expect(passwordProblem(base + 'x'.repeat(125), strict)).toBeNull();
      expect(passwordProblem(base + 'x'.repeat(126), strict)).toBe('Password must be at most 128 characters long');
    });

    it('counts Unicode code points, not UTF-16 code units', () => {
      // 4 code points but 8 UTF-16 units: too short.
      expect(KEY.repeat(4)).toHaveLength(8);
      expect(passwordProblem(KEY.repeat(4), relaxed)).toMatch(/at least 8/);
      // 7 ASCII + 1 astral code point = 8 code points: long enough.
      expect(passwordProblem('Abcde1x' + KEY, strict)).toBeNull();
      // 128 code points (253 UTF-16 units) is allowed; 129 is not.
      expect(passwordProblem('Aa1' + KEY.repeat(125), strict)).toBeNull();
      expect(passwordProblem('Aa1' + KEY.repeat(126), strict)).toMatch(/at most 128/);
      expect(passwordProblem(KEY.repeat(128), relaxed)).toBeNull();
      expect(passwordProblem(KEY.repeat(129), relaxed)).toMatch(/at most 128/);
    });
  });

  describe('composition', () => {
    it('requires an upper-case letter', () => {
      expect(passwordProblem('abcdefg1', strict)).toBe('Password must contain an upper-case letter');
    });

    it('requires a lower-case letter', () => {
      expect(passwordProblem('ABCDEFG1', strict)).toBe('Password must contain a lower-case letter');
    });

    it('requires a digit', () => {
      expect(passwordProblem('Abcdefgh', strict)).toBe('Password must contain a digit');
    });

    it('recognises non-ASCII letters and digits', () => {
      expect(passwordProblem('Ünïcödé1', strict)).toBeNull();
      expect(passwordProblem('Ωmega-ψ٣x', strict)).toBeNull(); // Arabic-Indic digit three
      expect(passwordProblem('ünïcödé1', strict)).toMatch(/upper-case/);
    });

    it('is not applied when the switch is off: a long passphrase passes', () => {
      expect(passwordProblem('correct horse battery staple', strict)).toMatch(/upper-case/);
      expect(passwordProblem('correct horse battery staple', relaxed)).toBeNull();
      expect(passwordProblem('zqmvkwrtx', relaxed)).toBeNull();
    });
  });

  describe('common passwords', () => {
    it('refuses a common password case-insensitively, even when it meets the composition rules', () => {
      const common = 'Password is too common (it appears in lists of breached passwords)';
      expect(passwordProblem('Password1', strict)).toBe(common);
      expect(passwordProblem('PASSWORD1', relaxed)).toBe(common);
      expect(passwordProblem('password', relaxed)).toBe(common);
      expect(passwordProblem('PaSsWoRd', relaxed)).toBe(common);
      expect(passwordProblem('P@ssw0rd1', strict)).toBe(common);
      expect(passwordProblem('12345678', relaxed)).toBe(common);
    });

    it('does not refuse a password that merely contains a common one', () => {
      expect(passwordProblem('Password1-plus-more', strict)).toBeNull();
    });
  });

  describe('context words', () => {
    const problem = 'Password must not contain your name, username or email';

    it('refuses a password containing the username, case-insensitively', () => {
      expect(passwordProblem('Xjsmith99Q', strict, ['jsmith'])).toBe(problem);
      expect(passwordProblem('XJSMITH99q', strict, ['jsmith'])).toBe(problem);
      expect(passwordProblem('Xjsmith99Q', strict, ['JSmith'])).toBe(problem);
    });

    it("refuses a password containing the email's local part", () => {
      const email = 'Maria.Lopez@example.com';
      expect(passwordProblem('maria.lopez-2024', relaxed, [email.toLowerCase().split('@')[0]])).toBe(problem);
    });

    it('ignores context words shorter than 4 characters', () => {
      expect(passwordProblem('Bobcat-123', strict, ['bob'])).toBeNull();
      expect(passwordProblem('Bobcat-123', strict, ['bobc'])).toBe(problem);
      expect(passwordProblem('Bobcat-123', strict, [''])).toBeNull();
    });

    it('checks every context word and passes when none is contained', () => {
      expect(passwordProblem('Tr0ub4dor-x', strict, ['alice', 'wonderland'])).toBeNull();
      expect(passwordProblem('Tr0ub4dor-alice', strict, ['wonderland', 'alice'])).toBe(problem);
    });
  });

  it('reports the first broken rule in order: length, composition, common list, context', () => {
    expect(passwordProblem('abc', strict, ['abcd'])).toMatch(/at least 8/);
    expect(passwordProblem('password', strict, ['pass'])).toMatch(/upper-case/);
    expect(passwordProblem('Password1', strict, ['password1'])).toMatch(/too common/);
  });
});

describe('assertPasswordAllowed', () => {
  it('returns quietly for an allowed password', () => {
    expect(() => assertPasswordAllowed('Tr0ub4dor-x', strict, ['alice'])).not.toThrow();
  });

  it('throws a VALIDATION_FAILED DomainError naming the rule and the default field', () => {
    let thrown: unknown;
    try {
      assertPasswordAllowed('short', strict);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const err = thrown as DomainError;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toBe('Password must be at least 8 characters long');
    expect(err.details).toEqual([{ field: 'password', message: 'Password must be at least 8 characters long' }]);
    expect(err.toWire()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Password must be at least 8 characters long',
      details: [{ field: 'password', message: 'Password must be at least 8 characters long' }],
    });
  });

  it('uses the given field name and context', () => {
    expect(() => assertPasswordAllowed('Xjsmith99Q', strict, ['jsmith'], 'newPassword')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'newPassword', message: 'Password must not contain your name, username or email' }],
      }),
    );
  });
});
