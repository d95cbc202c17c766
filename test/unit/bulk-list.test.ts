// Reading a list of people to invite: addresses split outside Slack's <...> entities, a CSV with
// email,role,organisations, and every row checked with a problem that says where and what to do.
import { describe, expect, it } from 'vitest';
import { checkRows, isList, problemList, readCommandList, readCsv, readPasted, splitAddresses } from '../../src/slack/bulk/list.ts';

const sales = { id: '00000000-0000-4000-9000-000000000001', name: 'Acme Sales' };
const orgs = new Map([['acme sales', sales]]);

describe('splitAddresses', () => {
  it('splits on spaces, commas, semicolons and new lines, never inside <...>, and unescapes mailto links', () => {
    expect(splitAddresses('<mailto:a@x.nl|a@x.nl>,<mailto:b@x.nl|b@x.nl> c@x.nl;\n d@x.nl,,  ')).toEqual(['a@x.nl', 'b@x.nl', 'c@x.nl', 'd@x.nl']);
    expect(splitAddresses('<mailto:odd,name@x.nl|odd,name@x.nl>')).toEqual(['odd,name@x.nl']);
    expect(splitAddresses('&lt;b@x.nl&gt;')).toEqual(['<b@x.nl>']);
  });

  it('tells the list form of invite (two addresses or more) from the single one', () => {
    expect(isList(['a@x.nl', 'advanced'])).toBe(false);
    expect(isList(['a@x.nl', 'boss'])).toBe(false);
    expect(isList(['a@x.nl,b@x.nl'])).toBe(true);
    expect(readCommandList(['a@x.nl,', 'b@x.nl', 'administrator'])).toEqual({
      role: 'ADMINISTRATOR',
      rows: [
        { place: { kind: 'address', n: 1 }, email: 'a@x.nl', organisations: [] },
        { place: { kind: 'address', n: 2 }, email: 'b@x.nl', organisations: [] },
      ],
    });
  });
});

describe('readCsv and checkRows', () => {
  it('reads a header, quoted cells, an empty role and organisations separated by ";", numbering rows by the file\'s lines', () => {
    const { rows, problems } = readCsv('\uFEFFemail,role,organisations\r\na@x.nl,advanced,"Acme Sales; acme  sales"\r\n\r\nB@X.NL,,\r\n');
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.place.n)).toEqual([2, 4]);
    const checked = checkRows(rows, { role: 'BASIC', organisations: [] }, orgs);
    expect(checked.problems).toEqual([]);
    expect(checked.rows).toEqual([
      { line: 1, email: 'a@x.nl', role: 'ADVANCED', organisations: [{ organisationId: sales.id, role: 'MEMBER' }] },
      { line: 2, email: 'b@x.nl', role: 'BASIC', organisations: [] },
    ]);
  });

  it('names every problem with its line: address, role, organisation, duplicate, extra columns', () => {
    const { rows, problems } = readCsv('email,role,organisations\nnope,basic,\nc@x.nl,boss,\nd@x.nl,,Nowhere\nc@x.nl,,\ne@x.nl,basic,,extra\n,basic,\n');
    const checked = checkRows(rows, { role: 'BASIC', organisations: [] }, orgs);
    const all = [...problems, ...checked.problems];
    expect(problemList('en', all, 10).split('\n')).toEqual([
      'Line 6: more than three columns. Use email,role,organisations and separate organisations with ";".',
      'Line 2: "nope" is not a valid email address. Use one such as name@company.nl.',
      'Line 3: "boss" is not a role. Use basic, advanced or administrator, or leave it empty.',
      'Line 4: no organisation called "Nowhere". Check the name with the orgs subcommand, or create it first.',
      'Line 5: c@x.nl is also on line 3. Keep it once.',
      'Line 7: no email address. Put the address in the first column.',
    ]);
    expect(problemList('nl', all.slice(4, 5), 10)).toBe('Regel 5: c@x.nl staat ook op regel 3. Laat het adres één keer staan.');
    expect(problemList('en', all, 2)).toMatch(/\n… and 4 more problems\.$/);
  });

  it('refuses more than 1,000 rows, an empty list, and a file that is not CSV', () => {
    expect(checkRows(readPasted(Array.from({ length: 1001 }, (_, i) => `p${i}@x.nl`).join(' ')), { role: 'BASIC', organisations: [] }, orgs).problems).toEqual([
      { place: null, key: 'bulk.error.tooMany', values: { count: 1001, max: 1000 } },
    ]);
    expect(checkRows([], { role: 'BASIC', organisations: [] }, orgs).problems[0]!.key).toBe('bulk.error.empty');
    expect(readCsv('email\n"a@x.nl,basic\n').problems[0]!.key).toBe('bulk.error.csv');
  });

  it('gives pasted addresses the organisations chosen in the form, and file rows only their own', () => {
    const pasted = readPasted('p@x.nl');
    const file = readCsv('f@x.nl,,').rows;
    const checked = checkRows([...pasted, ...file], { role: 'ADVANCED', organisations: [sales.id] }, orgs);
    expect(checked.rows.map((r) => [r.email, r.role, r.organisations.length])).toEqual([
      ['p@x.nl', 'ADVANCED', 1],
      ['f@x.nl', 'ADVANCED', 0],
    ]);
  });
});
