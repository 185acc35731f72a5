import type { Principal } from '@garage/shared';
import { dashboardScope } from './dashboard-scope.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const who = (role: Principal['role'], branchIds: string[] = []): Principal => ({
  kind: role === 'customer' ? 'customer' : 'user',
  id: 'u1',
  role,
  branchIds,
  sessionId: 's',
});

describe('dashboardScope', () => {
  it('gives admins one branch or the whole chain', () => {
    expect(dashboardScope(who('admin'), A)).toEqual({ branchIds: [A] });
    expect(dashboardScope(who('admin'), undefined)).toBe('whole-chain');
  });

  it('gives staff their own branches only, whatever the spelling of the id', () => {
    expect(dashboardScope(who('staff', [A, B]), undefined)).toEqual({ branchIds: [A, B] });
    expect(dashboardScope(who('staff', [A]), A.toUpperCase())).toEqual({ branchIds: [A] });
    expect(() => dashboardScope(who('staff', [A]), B)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('refuses customers', () => {
    expect(() => dashboardScope(who('customer'), undefined)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
