// The rights API: other systems (the document platform) ask "may user U do A on organisation O?".
// Authenticated with an environment's bearer token; questions about other environments are denied.
import { Router, type Request, type Response } from 'express';
import { authenticateApiToken, authorize, isAppError, type RightsDeps } from '../rights/index.ts';

export function rightsApiRouter(deps: RightsDeps): Router {
  const router = Router();

  async function answer(req: Request, res: Response, question: Record<string, unknown>) {
    const header = req.get('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const caller = await authenticateApiToken(deps, token);
    if (!caller) {
      res.status(401).setHeader('www-authenticate', 'Bearer').json({
        error: 'not_authenticated',
        message: 'Send an API token of your environment as "Authorization: Bearer <token>". An administrator creates one with the api-token subcommand in Slack.',
      });
      return;
    }
    try {
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
      if (isAppError(err)) {
        res.status(400).json({ error: err.code, message: err.userMessage, field: err.field ?? null });
        return;
      }
      throw err;
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
