// Slack's endpoint reads its body before Bolt checks the signature, so the size must be bounded
// here, before anything is buffered: a declared Content-Length over the limit is refused without
// reading a byte, a chunked body as soon as it passes the limit. Slack publishes no maximum; a view
// submission carries the whole view (up to 100 blocks with their state), far below 2 MiB.
import type { RequestHandler } from 'express';
import getRawBody from 'raw-body';

export const SLACK_BODY_LIMIT = 2 * 1024 * 1024;

/** Reads a POST's body up to `limit` bytes into req.rawBody (which Bolt verifies and parses); HTTP 413 beyond. */
export function limitSlackBody(limit = SLACK_BODY_LIMIT): RequestHandler {
  return (req, res, next) => {
    const declared = req.headers['content-length'];
    getRawBody(req, { limit, length: declared }).then(
      (body) => {
        (req as typeof req & { rawBody?: Buffer }).rawBody = body;
        next();
      },
      (err: { type?: string; status?: number; expected?: number }) => {
        if (err.type === 'entity.too.large') {
          req.log?.warn({ declared: err.expected ?? null, limit }, 'Slack request body over the limit refused');
          res.status(413).type('text/plain').send(`Request body too large: /slack/events accepts at most ${limit} bytes.`);
          // whatever the client still sends is read and dropped, never kept, so it sees the 413
          req.resume();
          return;
        }
        if (err.type === 'request.aborted') return;
        res.status(err.status && err.status < 500 ? err.status : 400).type('text/plain').send('The request body could not be read.');
      },
    );
  };
}
