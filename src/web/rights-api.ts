// The rights API: other systems (the document platform) ask "may user U do A on organisation O?".
// Authenticated with an environment's bearer token; questions about other environments are denied.
import { Router, type Request, type Response } from 'express';
import { AppError, authenticateApiToken, authorize, isAppError, type RightsDeps } from '../rights/index.ts';


/**
 * The one place where the API turns a failure into its JSON answer: a missing or unknown token is 401,
 * any other refusal 400 with the field at fault. Anything else is not ours to explain: it goes on to
 * the server's error handler (logged, 500).
 */
function sendError(res: Response, err: unknown): void {
  if (!isAppError(err)) throw err;
  if (err.code === 'not_authenticated') {
    res.status(401).setHeader('www-authenticate', 'Bearer').json({ error: err.code, message: err.userMessage });
    return;
  }
  res.status(400).json({ error: err.code, message: err.userMessage, field: err.field ?? null });
}

export function rightsApiRouter(deps: RightsDeps): Router {
  const router = Router();

  async function answer(req: Request, res: Response, question: Record<string, unknown>) {
    try {
      const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
      const caller = await authenticateApiToken(deps, token);
      if (!caller) throw new AppError('not_authenticated', 'rights.api.noToken');
      const result = await authorize(
        deps,
        {
          user: String(question.user ?? ''),
          action: String(question.action ?? '') as never,
          organisationId: question.organisationId === undefined || question.organisationId === '' ? undefined : String(question.organisationId),
        },
        caller.environmentId,
      );
      res.json({ allow: result.allowed, reason: result.reason, user: result.userId, action: result.action, organisation: result.organisationId });
    } catch (err) {
      sendError(res, err);
    }
  }

  router.get('/api/v1/authorize', (req, res, next) => {
    const q = req.query;
    answer(req, res, { user: q.user, action: q.action, organisationId: q.organisation ?? q.organisationId }).catch(next);
  });
  router.post('/api/v1/authorize', (req, res, next) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    answer(req, res, { user: b.user, action: b.action, organisationId: b.organisation ?? b.organisationId }).catch(next);
  });
  return router;
}
