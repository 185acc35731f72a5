import { SqlParams, whereAll } from './sql-params';

describe('SqlParams', () => {
  it('numbers placeholders in the order values are added', () => {
    const p = new SqlParams();
    expect(p.add(51)).toBe('$1');
    expect(`(a, b) > (${p.add('x')}, ${p.add('y')})`).toBe('(a, b) > ($2, $3)');
    expect(p.values).toEqual([51, 'x', 'y']);
  });

  it('keeps every value as given, null and arrays included, and the same value twice as two', () => {
    const p = new SqlParams();
    p.add(null);
    p.add(['a', 'b']);
    p.add(7);
    p.add(7);
    expect(p.values).toEqual([null, ['a', 'b'], 7, 7]);
  });

  it('starts empty', () => {
    expect(new SqlParams().values).toEqual([]);
  });
});

describe('whereAll', () => {
  it('joins the conditions with AND', () => {
    expect(whereAll(['active', 'id = $1'])).toBe('WHERE active AND id = $1');
  });

  it('leaves out the conditions that are not there', () => {
    expect(whereAll([false, 'a', null, undefined, '', 'b'])).toBe('WHERE a AND b');
  });

  it('is empty without any condition', () => {
    expect(whereAll([])).toBe('');
    expect(whereAll([false, undefined])).toBe('');
  });
});
