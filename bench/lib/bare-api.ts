// The baseline of the rights API over HTTP: a bare express app that answers the same URL with a
// fixed JSON answer, nothing looked up, run as its own process like the app (PORT from the launcher).
import express from 'express';

const app = express();
app.get('/readyz', (_req, res) => void res.send('ok'));
app.get('/api/v1/authorize', (req, res) => {
  res.json({ allow: true, reason: 'bare', user: req.query.user, action: req.query.action, organisation: req.query.organisation ?? null });
});
app.listen(Number(process.env.PORT));
