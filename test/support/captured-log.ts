// The app's own logger (same redaction) writing into memory instead of stdout, so a test can read
// what was logged (a failure's reference, that no secret was written).
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.ts';

export interface CapturedLog {
  logger: Logger;
  /** one JSON line per entry, in order */
  lines: string[];
}

export function captureLog(level = 'debug'): CapturedLog {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}
