import { csvLine } from './csv';

describe('csvLine', () => {
  it('quotes every field, doubles quotes, leaves nulls empty and ends with CRLF', () => {
    expect(csvLine(['a', 'say "hi"', null, 3, 'two\nlines'])).toBe('"a","say ""hi""",,"3","two\nlines"\r\n');
  });

  it('defuses what a spreadsheet would run as a formula', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', 'fine'])).toBe(
      `"'=HYPERLINK(""x"")","'+1","'-2","'@SUM(A1)","fine"\r\n`,
    );
  });
});
