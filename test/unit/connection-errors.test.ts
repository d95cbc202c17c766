// What an operator reads when DATABASE_URL does not work: the server, the reason, what to do, and
// never the password. (The real failures, through the app, are in test/e2e/database-unavailable.test.ts.)
import { expect, it } from 'vitest';
import { explainConnectionError, safeUrl } from '../../src/db/connection-errors.ts';

it('shows a URL without its password', () => {
  expect(safeUrl('postgres://rights:s3cret%21@db.example:6543/rights?sslmode=require')).toBe('postgres://rights@db.example:6543/rights?sslmode=require');
  expect(safeUrl('postgresql://db.example/rights')).toBe('postgresql://db.example/rights');
  expect(safeUrl('not a url')).toBe('an unreadable URL');
});

it.each([
  [{ code: 'ECONNREFUSED' }, /nothing accepts connections at db\.example:6543 \(connection refused\)/],
  [{ code: 'ENOTFOUND' }, /the host name of db\.example:6543 is unknown/],
  [{ code: '3D000', message: 'database "rights" does not exist' }, /the database "rights" does not exist on db\.example:6543/],
  [{ code: '28P01' }, /refused the password of user "rights"/],
  [new Error('Connection terminated due to connection timeout'), /accepted the connection but did not answer within 8 s/],
  [new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), /asks for a password and the URL gives none/],
])('%o is explained in one sentence without the password', (err, reason) => {
  const message = explainConnectionError(err, 'postgres://rights:s3cret@db.example:6543/rights').message;
  expect(message).toMatch(/^cannot use the database at postgres:\/\/rights@db\.example:6543\/rights: /);
  expect(message).toMatch(reason);
  expect(message).not.toContain('s3cret');
  expect(message.split('\n')).toHaveLength(1);
});
