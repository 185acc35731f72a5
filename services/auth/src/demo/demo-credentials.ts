/** The original system's default logins, loaded as demo data outside production. */
export const DEMO_ADMIN = { username: 'admin', password: 'admin123' } as const;
export const DEMO_CUSTOMER = {
  email: 'john.smith@email.com',
  password: 'customer123',
  firstName: 'John',
  lastName: 'Smith',
  phone: '+1 555 0100',
} as const;

/** Passwords that production refuses to accept at sign-in, whatever account they belong to. */
export const DEMO_PASSWORDS: ReadonlySet<string> = new Set([DEMO_ADMIN.password, DEMO_CUSTOMER.password]);
