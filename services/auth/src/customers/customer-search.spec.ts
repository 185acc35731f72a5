import { SqlParams } from '@garage/shared';
import { containsPattern, customerSearchCondition } from './customer-search';

describe('customerSearchCondition', () => {
  it('matches every word in the name, the whole text in the email, and leaves out the phone for words', () => {
    const params = new SqlParams();
    params.add(51);
    const sql = customerSearchCondition('smith john', params);
    expect(params.values).toEqual([51, '%smith%', '%john%', '%smith john%']);
    expect(sql).toBe(
      `(((first_name || ' ' || last_name) ILIKE $2 AND (first_name || ' ' || last_name) ILIKE $3) OR email ILIKE $4)`,
    );
  });

  it('compares a phone-like query by its digits', () => {
    const params = new SqlParams();
    const sql = customerSearchCondition('+1 (555) 01-00', params);
    expect(params.values[params.values.length - 1]).toBe('%15550100%');
    expect(sql).toContain(`regexp_replace(phone, '[^0-9]', '', 'g') LIKE $${params.values.length}`);
  });

  it('takes LIKE wildcards in the query literally', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
