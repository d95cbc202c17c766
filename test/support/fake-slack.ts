// A fake Slack Web API: a local HTTP server the app reaches through SLACK_API_URL. It answers like
// Slack for the methods we use, records every call, and enforces Slack's documented limits. A breach
// of a limit, an unknown method or a wrong token is answered with Slack's error AND recorded as a
// violation, so a test that only looked at the happy path still fails (call assertClean() in afterEach).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface FakeSlackUser {
  id: string;
  email?: string;
  name?: string;
  /** Slack's is_email_confirmed; defaults to true */
  confirmed?: boolean;
  teamId?: string;
  deleted?: boolean;
}

export interface RecordedCall {
  method: string;
  args: Record<string, any>;
  at: number;
  /** what the fake answered */
  result?: any;
  /** the workspace whose bot token made the call */
  teamId?: string;
}

export type Failure = { status: 429; retryAfter: number } | { status: 500 } | { error: string };

const KNOWN = new Set([
  'auth.test', 'users.info', 'users.lookupByEmail', 'chat.postMessage', 'chat.postEphemeral',
  'views.open', 'views.update', 'views.push', 'views.publish', 'conversations.open',
  'chat.update', 'files.info',
  'oauth.v2.access', 'apps.uninstall',
]);
// Methods called with the app's client id and secret instead of a bot token.
const APP_CREDENTIAL_METHODS = new Set(['oauth.v2.access', 'apps.uninstall']);

/** A workspace the fake knows: its own bot tokens (one per install), its own users. */
export interface FakeWorkspace {
  teamId: string;
  name: string;
  /** an Enterprise Grid organisation: installs are organisation-wide */
  enterpriseId?: string;
  /** bot tokens that work for this workspace (revoked ones are removed) */
  tokens: Set<string>;
  /** the app is installed (apps.uninstall ends that) */
  installed: boolean;
}
// Fields the WebClient sends form-encoded but which hold JSON.
const JSON_FIELDS = ['blocks', 'view', 'attachments', 'users', 'metadata'];
const TRIGGER_TTL_MS = 3000;
const RESPONSE_URL_POSTS = 5;

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly violations: string[] = [];
  /** posts received at response_urls, by url id */
  readonly responses: { id: string; body: any }[] = [];
  readonly users = new Map<string, FakeSlackUser>();
  teamId = 'T0001';
  token = 'xoxb-test';
  /** triggers issued to requests: id -> issued at (ms); removed once used */
  private triggers = new Map<string, number>();
  private usedTriggers = new Set<string>();
  private failures: { method: string; failure: Failure }[] = [];
  private limits = new Map<string, number>();
  private views = new Map<string, { hash: string; view: any }>();
  private waiters: (() => void)[] = [];
  private server?: Server;
  /** messages posted with chat.postMessage: channel:ts -> how often updated */
  private posted = new Map<string, number>();
  /** files people uploaded (file_input): id -> the file */
  private files = new Map<string, { id: string; name: string; filetype: string; content: string; teamId: string }>();
  /** downloads of uploaded files, with the workspace whose bot token asked */
  readonly downloads: { id: string; teamId: string | null; at: number }[] = [];
  /** how long a file download takes (a slow Slack) */
  downloadDelayMs = 0;
  private seq = 0;
  baseUrl = '';
  readonly workspaces = new Map<string, FakeWorkspace>();
  /** the app's credentials as in its settings (distribution mode) */
  readonly clientId = '1111.2222';
  readonly clientSecret = '0c1e2a3b4c5d6e7f8091a2b3c4d5e6f7';
  /** the workspace the person at Slack's authorize page is signed in to */
  authorizeAs: string | null = null;
  private codes = new Map<string, { teamId: string; redirectUri: string; used: boolean }>();
  /** token rotation on: installs return a refresh token and an expiry of this many seconds */
  rotationExpiresIn: number | null = null;
  /** refresh token -> its workspace; a refresh token works once */
  private refreshTokens = new Map<string, string>();

  /** The SLACK_API_URL to give the app. */
  get url(): string {
    return `${this.baseUrl}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** A workspace with its own users; the app is not installed there until someone adds it. */
  addWorkspace(teamId: string, options: { name?: string; enterpriseId?: string } = {}): FakeWorkspace {
    const ws: FakeWorkspace = { teamId, name: options.name ?? `Workspace ${teamId}`, enterpriseId: options.enterpriseId, tokens: new Set(), installed: false };
    this.workspaces.set(teamId, ws);
    return ws;
  }

  /** The workspace a bot token works for, if any (the default workspace's token included). */
  teamOfToken(token: string): string | null {
    if (token === this.token) return this.teamId;
    for (const ws of this.workspaces.values()) if (ws.tokens.has(token)) return ws.teamId;
    return null;
  }

  addUser(user: FakeSlackUser): FakeSlackUser {
    this.users.set(user.id, { confirmed: true, teamId: this.teamId, ...user });
    return user;
  }

  /** A file someone uploaded in a file_input, in the default workspace unless told; returns its id. */
  addFile(file: { name: string; content: string; filetype?: string; teamId?: string }): string {
    const id = `F${++this.seq}${randomBytes(3).toString('hex').toUpperCase()}`;
    this.files.set(id, { id, name: file.name, filetype: file.filetype ?? 'csv', content: file.content, teamId: file.teamId ?? this.teamId });
    return id;
  }

  /** A trigger_id as Slack would put in a command or interaction; valid 3 s, once. */
  newTrigger(): string {
    const id = `${++this.seq}.${Date.now()}.${randomBytes(8).toString('hex')}`;
    this.triggers.set(id, Date.now());
    return id;
  }

  /** A response_url served by this fake. */
  newResponseUrl(): string {
    return `${this.baseUrl}/response/${++this.seq}${randomBytes(4).toString('hex')}`;
  }

  /** The next call to `method` fails like Slack would. */
  failNext(method: string, failure: Failure): void {
    this.failures.push({ method, failure });
  }

  /**
   * Slack's rate limit for one workspace: every call of `method` with `teamId`'s token is answered 429
   * with the Retry-After left, until `seconds` have passed; other workspaces are answered as usual.
   */
  rateLimit(teamId: string, method: string, seconds: number): void {
    this.limits.set(`${teamId}:${method}`, Date.now() + seconds * 1000);
  }

  /** Forget calls and responses (violations stay: they must be looked at). */
  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `count` calls match (Slack work after the ack happens asynchronously). */
  async waitFor(method: string, predicate: (args: any) => boolean = () => true, count = 1, timeoutMs = 10_000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.filter((c) => c.method === method && predicate(c.args));
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        const seen = this.calls.map((c) => `${c.method} ${JSON.stringify(c.args).slice(0, 300)}`).join('\n');
        throw new Error(`timed out waiting for ${count} call(s) to ${method}; calls so far:\n${seen}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits for a message (postMessage or postEphemeral) whose text matches. */
  async waitForMessage(method: 'chat.postMessage' | 'chat.postEphemeral', text: RegExp, timeoutMs = 10_000) {
    const [call] = await this.waitFor(method, (a) => text.test(messageText(a)), 1, timeoutMs);
    return call!;
  }

  /** Waits for the app's post to a response_url made by newResponseUrl(). */
  async waitForResponse(responseUrl: string, timeoutMs = 10_000): Promise<any> {
    const id = responseUrl.slice(responseUrl.lastIndexOf('/') + 1);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.responses.find((r) => r.id === id);
      if (found) return found.body;
      if (Date.now() > deadline) throw new Error(`timed out waiting for a post to response_url ${id}; calls so far: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Throws when any violation was recorded. */
  assertClean(): void {
    if (this.violations.length) {
      const list = this.violations.splice(0).join('\n  ');
      throw new Error(`Slack API violations:\n  ${list}`);
    }
  }

  /** Checks what the app answered Slack for a block_suggestion request. */
  checkOptionsResponse(body: any): void {
    const options = body?.options ?? body?.option_groups?.flatMap((g: any) => g.options) ?? null;
    if (!Array.isArray(options)) {
      this.violate('options response', 'has no options array');
      return;
    }
    if (options.length > 100) this.violate('options response', `has ${options.length} options (max 100)`);
    options.forEach((o: any, i: number) => {
      this.checkOption(o, `options response option ${i}`);
    });
  }

  /** Checks what the app answered Slack for a view_submission (response_action ...). */
  checkViewSubmissionResponse(body: any): void {
    if (!body || body === '') return;
    if (body.response_action === 'errors') {
      if (!body.errors || typeof body.errors !== 'object') this.violate('view_submission response', 'errors missing');
    } else if (['update', 'push'].includes(body.response_action)) {
      this.checkView(body.view, 'view_submission response');
    } else if (body.response_action !== 'clear') {
      this.violate('view_submission response', `unknown response_action ${body.response_action}`);
    }
  }

  private violate(where: string, problem: string): void {
    this.violations.push(`${where}: ${problem}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.baseUrl);
    if (url.pathname.startsWith('/response/')) return this.handleResponseUrl(url.pathname.slice(10), raw, res);
    if (url.pathname === '/oauth/v2/authorize') return this.handleAuthorize(url, res);
    if (url.pathname.startsWith('/files-pri/')) return this.handleDownload(url.pathname, req.headers.authorization ?? '', res);
    if (!url.pathname.startsWith('/api/')) {
      this.violate(`${req.method} ${url.pathname}`, 'request outside /api/');
      return send(res, 404, { ok: false, error: 'not_found' });
    }
    const method = url.pathname.slice(5);
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    const call: RecordedCall = { method, args, at: Date.now() };
    this.calls.push(call);
    const answer = APP_CREDENTIAL_METHODS.has(method)
      ? this.answerApp(method, args, req.headers.authorization ?? '')
      : this.answer(method, args, req.headers.authorization ?? (args.token ? `Bearer ${args.token}` : ''));
    call.teamId = this.teamOfToken((req.headers.authorization ?? '').replace(/^Bearer /, '') || String(args.token ?? '')) ?? undefined;
    call.result = 'body' in answer ? answer.body : { status: answer.status };
    for (const w of this.waiters.splice(0)) w();
    if ('status' in answer) {
      const headers: Record<string, string> = answer.status === 429 ? { 'retry-after': String(answer.retryAfter) } : {};
      return send(res, answer.status, answer.status === 429 ? { ok: false, error: 'ratelimited' } : 'internal error', headers);
    }
    send(res, 200, answer.body);
  }

  /** url_private_download: only with a bot token of the workspace the file is in (files:read). */
  private async handleDownload(pathname: string, auth: string, res: ServerResponse): Promise<void> {
    const id = pathname.split('/')[2] ?? '';
    const file = this.files.get(id);
    const team = this.teamOfToken(auth.replace(/^Bearer /, ''));
    this.downloads.push({ id, teamId: team, at: Date.now() });
    if (this.downloadDelayMs) await new Promise((r) => setTimeout(r, this.downloadDelayMs));
    if (!file) {
      this.violate(`download ${id}`, 'unknown file');
      return send(res, 404, 'not found');
    }
    if (!team || team !== file.teamId) {
      // Slack answers a download without a working token with its sign-in page, not the file
      this.violate(`download ${id}`, 'without the bearer token of the file\'s workspace');
      return send(res, 200, '<!DOCTYPE html><html><body>Sign in to Slack</body></html>', { 'content-type': 'text/html' });
    }
    send(res, 200, file.content, { 'content-type': 'text/csv' });
  }

  /** Slack's authorize page: the person (signed in to `authorizeAs`) allows the app; back to the redirect with code and state. */
  private handleAuthorize(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const redirect = q.get('redirect_uri');
    const teamId = this.authorizeAs;
    if (q.get('client_id') !== this.clientId || !redirect || !q.get('scope') || !q.get('state')) {
      this.violate('oauth/v2/authorize', `bad authorize request ${url.search}`);
      send(res, 400, 'invalid authorize request');
      return;
    }
    if (!teamId || !this.workspaces.has(teamId)) {
      this.violate('oauth/v2/authorize', 'no workspace to install into (set fake.authorizeAs)');
      send(res, 400, 'no workspace');
      return;
    }
    const code = `code-${++this.seq}-${randomBytes(6).toString('hex')}`;
    this.codes.set(code, { teamId, redirectUri: redirect, used: false });
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    back.searchParams.set('state', q.get('state')!);
    this.calls.push({ method: 'oauth/v2/authorize', args: Object.fromEntries(q), at: Date.now() });
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  /** oauth.v2.access and apps.uninstall: called with the app's client id and secret. */
  private answerApp(method: string, args: Record<string, any>, auth: string): { body: any } | { status: 429; retryAfter: number } | { status: 500 } {
    const failureAt = this.failures.findIndex((f) => f.method === method);
    if (failureAt >= 0) {
      const { failure } = this.failures.splice(failureAt, 1)[0]!;
      return 'error' in failure ? { body: { ok: false, error: failure.error } } : failure;
    }
    const basic = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString().split(':') : [args.client_id, args.client_secret];
    if (basic[0] !== this.clientId || basic[1] !== this.clientSecret) {
      this.violate(method, 'called without the app\'s client id and secret');
      return { body: { ok: false, error: 'invalid_client_id' } };
    }
    if (method === 'oauth.v2.access' && args.grant_type === 'refresh_token') {
      const teamId = this.refreshTokens.get(args.refresh_token);
      if (!teamId) {
        this.violate(method, 'refresh token unknown or used before');
        return { body: { ok: false, error: 'invalid_refresh_token' } };
      }
      this.refreshTokens.delete(args.refresh_token);
      return { body: { ok: true, token_type: 'bot', ...this.rotated(this.workspaces.get(teamId)!) } };
    }
    if (method === 'oauth.v2.access') {
      const grant = this.codes.get(args.code);
      if (!grant || grant.used) {
        this.violate(method, `code ${args.code} unknown or used twice`);
        return { body: { ok: false, error: 'invalid_code' } };
      }
      grant.used = true;
      if (args.redirect_uri !== grant.redirectUri) {
        this.violate(method, `redirect_uri ${args.redirect_uri} differs from the authorize request's ${grant.redirectUri}`);
        return { body: { ok: false, error: 'bad_redirect_uri' } };
      }
      const ws = this.workspaces.get(grant.teamId)!;
      ws.installed = true;
      const org = Boolean(ws.enterpriseId);
      return {
        body: {
          ok: true, ...this.rotated(ws), token_type: 'bot', scope: 'commands,chat:write,users:read,users:read.email,im:write',
          bot_user_id: `UBOT${ws.teamId}`, app_id: 'AFAKE',
          team: org ? null : { id: ws.teamId, name: ws.name },
          enterprise: org ? { id: ws.enterpriseId, name: 'Grid' } : null,
          is_enterprise_install: org,
          authed_user: { id: `UINSTALLER${ws.teamId}` },
        },
      };
    }
    // apps.uninstall: the token's workspace loses the app and every token
    const team = this.teamOfToken(auth.startsWith('Bearer ') ? auth.slice(7) : String(args.token ?? ''));
    if (!team) {
      this.violate(method, 'apps.uninstall without a working bot token');
      return { body: { ok: false, error: 'invalid_auth' } };
    }
    const ws = this.workspaces.get(team);
    if (ws) {
      ws.tokens.clear();
      ws.installed = false;
    }
    return { body: { ok: true } };
  }

  /** A new bot token for a workspace; with rotation on, its refresh token and expiry too. */
  private rotated(ws: FakeWorkspace) {
    const token = `xoxb-${ws.teamId}-${++this.seq}-${randomBytes(8).toString('hex')}`;
    ws.tokens.add(token);
    if (this.rotationExpiresIn === null) return { access_token: token };
    const refresh = `xoxe-1-${ws.teamId}-${randomBytes(8).toString('hex')}`;
    this.refreshTokens.set(refresh, ws.teamId);
    return { access_token: token, refresh_token: refresh, expires_in: this.rotationExpiresIn };
  }

  private handleResponseUrl(id: string, raw: string, res: ServerResponse): void {
    let body: any;
    try {
      body = JSON.parse(raw);
    } catch {
      this.violate(`response_url ${id}`, 'body is not JSON');
      send(res, 400, 'invalid_payload');
      return;
    }
    const posts = this.responses.filter((r) => r.id === id).length;
    if (posts >= RESPONSE_URL_POSTS) {
      this.violate(`response_url ${id}`, `more than ${RESPONSE_URL_POSTS} posts`);
      send(res, 404, 'used_url');
      return;
    }
    this.checkBlocks(body.blocks, 50, `response_url ${id}`);
    this.responses.push({ id, body });
    for (const w of this.waiters.splice(0)) w();
    send(res, 200, 'ok');
  }

  private answer(method: string, args: Record<string, any>, auth: string): { status: 429; retryAfter: number } | { status: 500 } | { body: any } {
    const failureAt = this.failures.findIndex((f) => f.method === method);
    if (failureAt >= 0) {
      const { failure } = this.failures.splice(failureAt, 1)[0]!;
      return 'error' in failure ? { body: { ok: false, error: failure.error } } : failure;
    }
    if (!KNOWN.has(method)) {
      this.violate(method, 'call to a method nobody expected');
      return { body: { ok: false, error: 'unknown_method' } };
    }
    const team = this.teamOfToken(auth.replace(/^Bearer /, ''));
    if (!team) {
      this.violate(method, 'called without a bot token that works (none, unknown, or revoked by an uninstall)');
      return { body: { ok: false, error: 'invalid_auth' } };
    }
    const limited = this.limits.get(`${team}:${method}`);
    if (limited !== undefined && limited > Date.now()) return { status: 429, retryAfter: Math.ceil((limited - Date.now()) / 1000) };
    const fail = (error: string, problem: string) => {
      this.violate(method, problem);
      return { body: { ok: false, error } };
    };
    switch (method) {
      case 'auth.test':
        return { body: { ok: true, url: 'https://fake.slack.com/', team: this.workspaces.get(team)?.name ?? 'Fake', user: 'econnect', team_id: team, user_id: `UBOT${team}`, bot_id: `BBOT${team}` } };
      case 'users.info': {
        const user = this.users.get(args.user);
        // a workspace's token sees only that workspace's people
        if (!user || (user.teamId ?? this.teamId) !== team) return { body: { ok: false, error: 'user_not_found' } };
        return { body: { ok: true, user: slackUser(user) } };
      }
      case 'users.lookupByEmail': {
        const user = [...this.users.values()].find((u) => u.email?.toLowerCase() === String(args.email).toLowerCase());
        if (!user) return { body: { ok: false, error: 'users_not_found' } };
        return { body: { ok: true, user: slackUser(user) } };
      }
      case 'conversations.open':
        return { body: { ok: true, channel: { id: `D${String(args.users).split(',')[0]}` } } };
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        if (!args.channel) return fail('channel_not_found', 'no channel');
        if (method === 'chat.postEphemeral' && !args.user) return fail('user_not_in_channel', 'no user');
        if (!args.text && !args.blocks) return fail('no_text', 'neither text nor blocks');
        if (this.checkBlocks(args.blocks, 50, method)) return { body: { ok: false, error: 'invalid_blocks' } };
        const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
        if (method === 'chat.postMessage') this.posted.set(`${args.channel}:${ts}`, 0);
        return { body: method === 'chat.postMessage' ? { ok: true, channel: args.channel, ts, message: { text: args.text, blocks: args.blocks } } : { ok: true, message_ts: ts } };
      }
      case 'chat.update': {
        const key = `${args.channel}:${args.ts}`;
        if (!this.posted.has(key)) return fail('message_not_found', `chat.update of a message never posted (${key})`);
        if (!args.text && !args.blocks) return fail('no_text', 'neither text nor blocks');
        if (this.checkBlocks(args.blocks, 50, method)) return { body: { ok: false, error: 'invalid_blocks' } };
        this.posted.set(key, this.posted.get(key)! + 1);
        return { body: { ok: true, channel: args.channel, ts: args.ts, text: args.text } };
      }
      case 'files.info': {
        const file = this.files.get(args.file);
        if (!file || file.teamId !== team) return { body: { ok: false, error: 'file_not_found' } };
        const url = `${this.baseUrl}/files-pri/${file.id}/download/${encodeURIComponent(file.name)}`;
        return { body: { ok: true, file: { id: file.id, name: file.name, filetype: file.filetype, size: Buffer.byteLength(file.content), url_private: url, url_private_download: url } } };
      }
      case 'views.open':
      case 'views.push': {
        const issued = this.triggers.get(args.trigger_id);
        if (issued === undefined) {
          return fail(this.usedTriggers.has(args.trigger_id) ? 'exchanged_trigger_id' : 'invalid_trigger_id', `trigger_id ${args.trigger_id} unknown or already used`);
        }
        this.triggers.delete(args.trigger_id);
        this.usedTriggers.add(args.trigger_id);
        if (Date.now() - issued > TRIGGER_TTL_MS) return fail('expired_trigger_id', `trigger_id used after ${Date.now() - issued} ms (max ${TRIGGER_TTL_MS})`);
        if (this.checkView(args.view, method)) return { body: { ok: false, error: 'invalid_arguments' } };
        return { body: { ok: true, view: this.store(args.view) } };
      }
      case 'views.update': {
        const stored = args.view_id && this.views.get(args.view_id);
        if (!stored && !args.external_id) return fail('not_found', `unknown view_id ${args.view_id}`);
        if (args.hash && stored && stored.hash !== args.hash) return { body: { ok: false, error: 'hash_conflict' } };
        if (this.checkView(args.view, method)) return { body: { ok: false, error: 'invalid_arguments' } };
        return { body: { ok: true, view: this.store(args.view, args.view_id) } };
      }
      case 'views.publish':
        if (!args.user_id) return fail('invalid_arguments', 'no user_id');
        if (this.checkView(args.view, method)) return { body: { ok: false, error: 'invalid_arguments' } };
        return { body: { ok: true, view: this.store(args.view) } };
    }
    return fail('unknown_method', 'unhandled method');
  }

  /** Registers a view as Slack would (so views.update by id works); returns Slack's view object. */
  registerView(view: any, id?: string) {
    return this.store(view, id);
  }

  private store(view: any, id = `V${++this.seq}`) {
    const hash = `${Date.now()}.${randomBytes(4).toString('hex')}`;
    this.views.set(id, { hash, view });
    return { ...view, id, hash, state: { values: {} } };
  }

  /** Returns true when the view breaks a limit (each breach recorded). */
  private checkView(view: any, where: string): boolean {
    const before = this.violations.length;
    if (!view || typeof view !== 'object') {
      this.violate(where, 'no view');
      return true;
    }
    if (view.type === 'modal') {
      for (const key of ['title', 'submit', 'close'] as const) {
        const text = view[key]?.text;
        if (key === 'title' && !text) this.violate(where, 'modal without title');
        if (text && [...text].length > 24) this.violate(where, `${key} "${text}" longer than 24 characters`);
      }
      if (view.blocks?.some((b: any) => b.type === 'input') && !view.submit) this.violate(where, 'modal with inputs but no submit');
    }
    if (view.private_metadata && view.private_metadata.length > 3000) this.violate(where, 'private_metadata longer than 3000');
    if (view.callback_id && view.callback_id.length > 255) this.violate(where, 'callback_id longer than 255');
    this.checkBlocks(view.blocks, 100, where);
    return this.violations.length > before;
  }

  /** Returns true when the blocks break a limit. */
  private checkBlocks(blocks: any, max: number, where: string): boolean {
    if (blocks === undefined) return false;
    const before = this.violations.length;
    if (!Array.isArray(blocks)) {
      this.violate(where, 'blocks is not an array');
      return true;
    }
    if (blocks.length > max) this.violate(where, `${blocks.length} blocks (max ${max})`);
    const ids = new Set<string>();
    blocks.forEach((b: any, i: number) => {
      const at = `${where} block ${i} (${b?.type})`;
      if (b.block_id !== undefined) {
        if (b.block_id.length > 255) this.violate(at, 'block_id longer than 255');
        if (ids.has(b.block_id)) this.violate(at, `duplicate block_id ${b.block_id}`);
        ids.add(b.block_id);
      }
      if (b.type === 'header' && [...(b.text?.text ?? '')].length > 150) this.violate(at, 'header text longer than 150');
      if (b.type === 'section') {
        if (b.text && [...(b.text.text ?? '')].length > 3000) this.violate(at, 'section text longer than 3000');
        if (!b.text && !b.fields) this.violate(at, 'section without text or fields');
        if (b.fields?.length > 10) this.violate(at, 'more than 10 fields');
        for (const f of b.fields ?? []) if ([...(f.text ?? '')].length > 2000) this.violate(at, 'field text longer than 2000');
        if (b.text?.text === '') this.violate(at, 'empty section text');
      }
      if (b.type === 'input' && !b.label?.text) this.violate(at, 'input without label');
      if (b.type === 'input' && [...(b.label?.text ?? '')].length > 2000) this.violate(at, 'label longer than 2000');
      const elements = [b.accessory, b.element, ...(b.elements ?? [])].filter(Boolean);
      for (const e of elements) this.checkElement(e, at);
    });
    return this.violations.length > before;
  }

  private checkElement(e: any, at: string): void {
    if (e.action_id !== undefined && e.action_id.length > 255) this.violate(at, 'action_id longer than 255');
    if (e.type === 'button' && [...(e.text?.text ?? '')].length > 75) this.violate(at, 'button text longer than 75');
    if (e.type === 'button' && e.value && e.value.length > 2000) this.violate(at, 'button value longer than 2000');
    if (e.type === 'plain_text_input' && e.max_length > 3000) this.violate(at, 'plain_text_input max_length above 3000');
    const options = e.options ?? e.option_groups?.flatMap((g: any) => g.options);
    if (options) {
      if (options.length > 100) this.violate(at, `${options.length} options (max 100)`);
      for (const o of options) this.checkOption(o, at);
    }
    for (const o of [e.initial_option, ...(e.initial_options ?? [])].filter(Boolean)) this.checkOption(o, at);
  }

  private checkOption(o: any, at: string): void {
    if (!o?.text?.text) this.violate(at, 'option without text');
    else if ([...o.text.text].length > 75) this.violate(at, `option text "${o.text.text}" longer than 75`);
    if (typeof o?.value !== 'string' || o.value.length > 150) this.violate(at, 'option value missing or longer than 150');
  }
}

/** Text of a message call: its text plus the text of its blocks, for matching in tests. */
export function messageText(args: any): string {
  const parts = [args?.text ?? ''];
  const walk = (x: any) => {
    if (!x || typeof x !== 'object') return;
    if (typeof x.text === 'string') parts.push(x.text);
    for (const v of Object.values(x)) if (typeof v === 'object') walk(v);
  };
  walk(args?.blocks);
  return parts.join('\n');
}

function slackUser(u: FakeSlackUser) {
  return {
    id: u.id,
    team_id: u.teamId,
    name: u.name ?? u.id.toLowerCase(),
    real_name: u.name,
    deleted: u.deleted ?? false,
    is_bot: false,
    is_email_confirmed: u.confirmed ?? true,
    profile: { email: u.email, real_name: u.name, display_name: u.name },
  };
}

function parseArgs(raw: string, contentType: string): Record<string, any> {
  let args: Record<string, any> = {};
  if (contentType.includes('application/json')) {
    try {
      args = JSON.parse(raw);
    } catch {
      args = {};
    }
  } else {
    args = Object.fromEntries(new URLSearchParams(raw));
    for (const key of JSON_FIELDS) {
      if (typeof args[key] === 'string' && /^[[{]/.test(args[key])) {
        try {
          args[key] = JSON.parse(args[key]);
        } catch {
          /* keep the string */
        }
      }
    }
  }
  return args;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8', ...headers });
  res.end(text);
}
