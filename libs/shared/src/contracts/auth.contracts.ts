import { z } from 'zod';
import { defineMessage } from './contract.js';
import { listAudit } from './audit.contracts.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../rules/password.js';
import { AccountStatus, Empty, NoContent, PageQuery, Uuid, pageOf } from './common.js';

// Length limits here are the transport's; the password rules (composition, common list) live in the auth service.
const Password = z.string().min(1).max(1024);
const NewPassword = z.string().max(1024);
const Username = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, underscore and dash only');
const Email = z.email().max(254);
const Name = z.string().trim().min(1).max(100);
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,32}$/, 'a phone number: digits, spaces, +, (, ) and - only');
const StaffRole = z.enum(['admin', 'staff']);

export const UserSchema = z.object({
  id: Uuid,
  username: z.string(),
  role: StaffRole,
  branchIds: z.array(Uuid),
  status: AccountStatus,
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const CustomerSchema = z.object({
  id: Uuid,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  status: AccountStatus,
  createdAt: z.string(),
});
export type Customer = z.infer<typeof CustomerSchema>;

const SessionFields = { token: z.string(), expiresAt: z.string() };

export const login = defineMessage({
  pattern: 'auth.login',
  access: 'public',
  request: z.strictObject({ username: z.string().min(1).max(64), password: Password }),
  response: z.object({ ...SessionFields, user: UserSchema }),
  http: {
    method: 'POST',
    path: '/api/login',
    status: 200,
    tag: 'Auth',
    summary: 'Admin/staff login',
  },
});

export const customerLogin = defineMessage({
  pattern: 'auth.customer-login',
  access: 'public',
  request: z.strictObject({ email: z.string().min(1).max(254), password: Password }),
  response: z.object({ ...SessionFields, customer: CustomerSchema }),
  http: {
    method: 'POST',
    path: '/api/customer-login',
    status: 200,
    tag: 'Auth',
    summary: 'Customer login',
  },
});

export const customerRegister = defineMessage({
  pattern: 'auth.customer-register',
  access: 'public',
  request: z.strictObject({
    email: Email,
    password: NewPassword,
    firstName: Name,
    lastName: Name,
    phone: Phone.optional(),
  }),
  response: z.object({ customer: CustomerSchema }),
  http: {
    method: 'POST',
    path: '/api/customer-register',
    status: 201,
    tag: 'Auth',
    summary: 'Customer self-registration',
  },
});

export const logout = defineMessage({
  pattern: 'auth.logout',
  access: 'signed-in',
  request: Empty,
  response: NoContent,
  http: {
    method: 'POST',
    path: '/api/logout',
    status: 204,
    tag: 'Auth',
    summary: 'End this session everywhere',
  },
});

export const MeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), user: UserSchema }),
  z.object({ kind: z.literal('customer'), customer: CustomerSchema }),
]);

export const me = defineMessage({
  pattern: 'auth.me',
  access: 'signed-in',
  request: Empty,
  response: MeSchema,
  http: { method: 'GET', path: '/api/me', status: 200, tag: 'Auth', summary: 'Who am I' },
});

export const changePassword = defineMessage({
  pattern: 'auth.change-password',
  access: 'signed-in',
  request: z.strictObject({ currentPassword: Password, newPassword: NewPassword }),
  response: NoContent,
  http: {
    method: 'POST',
    path: '/api/me/password',
    status: 204,
    tag: 'Auth',
    summary: 'Change my password; every other session is revoked',
  },
});

export const PasswordPolicySchema = z.object({
  minLength: z.literal(MIN_PASSWORD_LENGTH),
  maxLength: z.literal(MAX_PASSWORD_LENGTH),
  requireComposition: z.boolean(),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;

export const passwordPolicy = defineMessage({
  pattern: 'auth.password-policy',
  access: 'public',
  request: Empty,
  response: PasswordPolicySchema,
  http: {
    method: 'GET',
    path: '/api/password-policy',
    status: 200,
    tag: 'Auth',
    summary:
      "The password rules this deployment applies (composition can be turned off), so a form can show them as people type; the breached-password list and the 'not your name' rule are checked on submit",
  },
});

export const listUsers = defineMessage({
  pattern: 'auth.users.list',
  access: ['admin'],
  request: PageQuery.extend({ q: z.string().trim().max(100).optional() }).strict(),
  response: pageOf(UserSchema),
  http: {
    method: 'GET',
    path: '/api/users',
    status: 200,
    tag: 'Users',
    summary: 'Staff and admin accounts',
  },
});

export const createUser = defineMessage({
  pattern: 'auth.users.create',
  access: ['admin'],
  request: z.strictObject({
    username: Username,
    password: NewPassword,
    role: StaffRole,
    branchIds: z.array(Uuid).max(500).default([]),
  }),
  response: UserSchema,
  http: {
    method: 'POST',
    path: '/api/users',
    status: 201,
    tag: 'Users',
    summary: 'Create a staff or admin account',
  },
});

export const updateUser = defineMessage({
  pattern: 'auth.users.update',
  access: ['admin'],
  request: z.strictObject({
    id: Uuid,
    role: StaffRole.optional(),
    branchIds: z.array(Uuid).max(500).optional(),
    status: AccountStatus.optional(),
  }),
  response: UserSchema,
  http: {
    method: 'PATCH',
    path: '/api/users/:id',
    status: 200,
    tag: 'Users',
    summary: 'Change role, branches or status (suspension revokes sessions at once)',
  },
});

export const setCustomerStatus = defineMessage({
  pattern: 'auth.customers.set-status',
  access: ['admin', 'staff'],
  request: z.strictObject({ id: Uuid, status: AccountStatus }),
  response: CustomerSchema,
  http: {
    method: 'PATCH',
    path: '/api/customers/:id/status',
    status: 200,
    tag: 'Customers',
    summary: 'Activate, suspend or park a customer account (suspension revokes sessions)',
  },
});

export const authContracts = {
  login,
  customerLogin,
  customerRegister,
  logout,
  me,
  changePassword,
  passwordPolicy,
  listUsers,
  createUser,
  updateUser,
  setCustomerStatus,
  listAudit,
};

/** Internal (no HTTP; the gateway's GET /api/customers adds counts): customers by name, ?q= name, email or phone. */
export const searchCustomers = defineMessage({
  pattern: 'auth.customers.search',
  access: ['admin', 'staff'],
  callers: ['gateway'],
  request: PageQuery.extend({ q: z.string().trim().min(1).max(100).optional() }).strict(),
  response: pageOf(CustomerSchema),
});

/** Internal: one customer (staff and admin only). */
export const getCustomer = defineMessage({
  pattern: 'auth.customers.get',
  access: ['admin', 'staff'],
  callers: ['gateway', 'bookings'],
  request: z.strictObject({ id: Uuid }),
  response: CustomerSchema,
});

/** Internal: how many customer accounts the chain has (the admin's dashboard). */
export const countCustomers = defineMessage({
  pattern: 'auth.customers.count',
  access: ['admin', 'staff'],
  callers: ['gateway'],
  request: Empty,
  response: z.object({ customers: z.number().int() }),
});
