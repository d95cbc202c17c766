// A POST of a forged Slack request far larger than any Slack sends, written in 64 KiB pieces that
// stop as soon as the app answers: with its Content-Length declared, or chunked without one. Says
// what the app answered and how much had been written by then. Used by the body-limit test and
// `npm run bench:body-limit`.
import { request } from 'node:http';

export interface OversizedResult {
  status: number;
  text: string;
  /** bytes of the body written when the answer came (or all of them) */
  written: number;
}

export async function postOversized(url: string, totalBytes: number, mode: 'content-length' | 'chunked'): Promise<OversizedResult> {
  const piece = Buffer.alloc(64 * 1024, 'a');
  const timestamp = Math.floor(Date.now() / 1000);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': `v0=${'0'.repeat(64)}`,
        ...(mode === 'content-length' ? { 'content-length': String(totalBytes) } : { 'transfer-encoding': 'chunked' }),
      },
    });
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, text, written });
        req.destroy();
      });
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const write = () => {
      while (!answered && written < totalBytes) {
        const chunk = totalBytes - written < piece.length ? piece.subarray(0, totalBytes - written) : piece;
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', write);
          return;
        }
      }
      if (!answered && written >= totalBytes) req.end();
    };
    write();
  });
}
