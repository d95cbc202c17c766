// What `authorize` (and the rights API's token check) found in the database, kept in the process and
// forgotten when the database announces a change that touches it (deps.changes: the triggers of the
// migration rights_changes, heard by every process at commit). Used only while the feed is live: a
// process that may have missed a change asks the database. A look-up that started before a change
// was announced is not kept (the generation moved on meanwhile), so a stale answer is never cached.
// Each entry also ends at its own instant on the service clock: at the latest MAX_AGE_MS after it was
// read, and earlier when the answer itself is bound to a time.
import type { RightsChanges } from '../core/deps.ts';
import type { DecisionRow } from './decision-batch.ts';

const MAX_ENTRIES = 50_000;
const MAX_TOKENS = 1_000;
const MAX_AGE_MS = 5 * 60_000;

interface Entry<T> {
  value: T;
  until: number;
  userId: string | null;
  email: string | null;
}

export interface DecisionCacheStats {
  /** answered from memory */
  hits: number;
  /** asked the database, then kept */
  misses: number;
  /** asked the database because the feed was not live */
  bypassed: number;
  size: number;
}

export class DecisionCache {
  private readonly entries = new Map<string, Entry<DecisionRow | undefined>>();
  private readonly tokens = new Map<string, Entry<{ environmentId: string; tokenId: string }>>();
  private readonly byUser = new Map<string, Set<string>>();
  private readonly byEmail = new Map<string, Set<string>>();
  /** moves on with every change heard: a look-up begun in an older generation is not kept */
  generation = 0;
  readonly counts = { hits: 0, misses: 0, bypassed: 0 };

  constructor(private readonly changes: RightsChanges) {
    changes.subscribe({ changed: (what) => this.changed(what), lost: () => this.clear() });
  }

  live(): boolean {
    return this.changes.live();
  }

  stats(): DecisionCacheStats {
    return { ...this.counts, size: this.entries.size };
  }

  get(key: string, now: number): { row: DecisionRow | undefined } | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until <= now) {
      this.drop(key);
      return null;
    }
    return { row: entry.value };
  }

  /** `endsAt`: the instant the answer stops being true by itself (an end of access), if sooner than the usual age */
  set(key: string, row: DecisionRow | undefined, generation: number, now: number, asked: { userId: string | null; email: string | null }, endsAt?: number): void {
    if (generation !== this.generation || !this.live()) return;
    if (this.entries.size >= MAX_ENTRIES) this.drop(this.entries.keys().next().value!);
    const entry = { value: row, until: Math.min(now + MAX_AGE_MS, endsAt ?? Number.POSITIVE_INFINITY), userId: row?.id ?? asked.userId, email: asked.email };
    this.entries.set(key, entry);
    if (entry.userId) index(this.byUser, entry.userId, key);
    if (entry.email) index(this.byEmail, entry.email, key);
  }

  token(hash: string, now: number): { environmentId: string; tokenId: string } | null {
    const entry = this.tokens.get(hash);
    if (!entry || entry.until <= now) return null;
    return entry.value;
  }

  setToken(hash: string, value: { environmentId: string; tokenId: string }, generation: number, now: number): void {
    if (generation !== this.generation || !this.live()) return;
    if (this.tokens.size >= MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(hash, { value, until: now + MAX_AGE_MS, userId: null, email: null });
  }

  private changed(what: string): void {
    const [kind, id, ...rest] = what.split(':');
    // an invitation (for the App Homes) changes no decision
    if (kind === 'i' && id) return;
    this.generation++;
    if (kind === 'm' && id) {
      this.dropAll(this.byUser, id);
    } else if (kind === 'u' && id) {
      this.dropAll(this.byUser, id);
      this.dropAll(this.byEmail, rest.join(':'));
    } else {
      this.clear();
    }
  }

  /** a change committed by this process: its next decisions must see it */
  forgetAll(): void {
    this.clear();
  }

  private clear(): void {
    this.generation++;
    this.entries.clear();
    this.tokens.clear();
    this.byUser.clear();
    this.byEmail.clear();
  }

  private dropAll(byKey: Map<string, Set<string>>, id: string): void {
    const keys = byKey.get(id);
    if (!keys) return;
    byKey.delete(id);
    for (const key of keys) this.drop(key);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry.userId) unindex(this.byUser, entry.userId, key);
    if (entry.email) unindex(this.byEmail, entry.email, key);
  }
}

function index(byKey: Map<string, Set<string>>, id: string, key: string) {
  const keys = byKey.get(id);
  if (keys) keys.add(key);
  else byKey.set(id, new Set([key]));
}

function unindex(byKey: Map<string, Set<string>>, id: string, key: string) {
  const keys = byKey.get(id);
  if (!keys) return;
  keys.delete(key);
  if (keys.size === 0) byKey.delete(id);
}

const caches = new WeakMap<RightsChanges, DecisionCache>();

/** The process's cache for this feed; null without a feed (nothing is cached). */
export function decisionCache(changes: RightsChanges | undefined): DecisionCache | null {
  if (!changes) return null;
  let cache = caches.get(changes);
  if (!cache) {
    cache = new DecisionCache(changes);
    caches.set(changes, cache);
  }
  return cache;
}
