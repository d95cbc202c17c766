// Finds user-visible sentences written in code instead of the message catalogue: string literals
// and template texts that read like prose (two words or more), outside log calls, thrown programmer
// errors, imports, SQL, CSS and URLs. The literal text of an html`` template is checked after its
// tags are taken out, so a sentence hidden in markup is found too. Parses with oxc (rolldown's
// parseAst, which vitest brings): TypeScript 7 has no JavaScript API.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'rolldown/parseAst';

export interface Finding {
  file: string;
  line: number;
  text: string;
}

interface AstNode {
  type: string;
  start: number;
  [key: string]: unknown;
}

const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
/** Functions of ours that only log what they are given (src/slack/errors.ts: a failure Slack cannot show). */
const LOG_FUNCTIONS = new Set(['unanswerable']);

/** Two words of letters next to each other: the mark of a sentence. */
const PROSE = /\p{L}{2,}[,;:]?\s+\p{L}{2,}/u;
const SQL = /^\s*(select|insert|update|delete|with|create|alter|drop|lock|begin|commit|rollback|truncate|notify|listen)\s/i;
const CSS = /[a-z-]+\s*:\s*[^;{}]+;|[{}]/i;

const isNode = (v: unknown): v is AstNode => typeof v === 'object' && v !== null && typeof (v as AstNode).type === 'string';

function looksLikeProse(text: string): boolean {
  if (!PROSE.test(text)) return false;
  if (SQL.test(text) || CSS.test(text)) return false;
  if (/^\s*(https?:)?\/\//.test(text)) return false;
  return true;
}

/** What of an html`` template's text a person reads: the text between its tags. */
const withoutTags = (text: string): string => text.replace(/<[^>]*>/g, ' ').replace(/<[^>]*$/, ' ').replace(/^[^<]*>/, ' ');

const calleeName = (callee: unknown): string | undefined => {
  if (!isNode(callee)) return undefined;
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression' && isNode(callee.property) && callee.property.type === 'Identifier') return callee.property.name as string;
  return undefined;
};

const isProgrammersError = (name: string) => /Error$/.test(name) && name !== 'AppError';

/** The class a `super(...)` call is in: an Error of our own (not AppError) passes its message to Error. */
const superOfError = (ancestors: AstNode[]): boolean => {
  const cls = [...ancestors].reverse().find((n) => n.type === 'ClassDeclaration' || n.type === 'ClassExpression');
  return Boolean(cls && isProgrammersError(calleeName(cls.superClass) ?? ''));
};

/** A literal people never read: an import, a log line, a programmer's Error (not AppError). */
function exempt(ancestors: AstNode[]): boolean {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const n = ancestors[i]!;
    if (n.type.startsWith('Import') || n.type.startsWith('Export') && n.type !== 'ExportNamedDeclaration' && n.type !== 'ExportDefaultDeclaration') return true;
    if (n.type === 'CallExpression' && isNode(n.callee) && n.callee.type === 'MemberExpression' && LOG_METHODS.has(calleeName(n.callee) ?? '')) return true;
    if (n.type === 'CallExpression' && isNode(n.callee) && n.callee.type === 'Identifier' && LOG_FUNCTIONS.has(n.callee.name as string)) return true;
    if (n.type === 'CallExpression' && isNode(n.callee) && n.callee.type === 'Super' && superOfError(ancestors.slice(0, i))) return true;
    if (n.type === 'NewExpression') {
      if (isProgrammersError(calleeName(n.callee) ?? '')) return true;
    }
    if (n.type.includes('Function') || n.type === 'Program') return false;
  }
  return false;
}

/** The prose literals in one file's source. */
export function scanSource(file: string, source: string): Finding[] {
  const program = parseAst(source, { lang: 'ts' }) as unknown as AstNode;
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const found: Finding[] = [];
  const check = (text: string, start: number, ancestors: AstNode[], inHtml: boolean) => {
    if (exempt(ancestors)) return;
    if (looksLikeProse(inHtml || /<[^>]+>/.test(text) ? withoutTags(text) : text)) found.push({ file, line: lineOf(start), text });
  };
  const walk = (node: AstNode, ancestors: AstNode[]) => {
    if (node.type === 'TaggedTemplateExpression') {
      const tag = calleeName(node.tag);
      // sql`` and other tags are not for people; html`` is markup with text in it
      if (tag !== 'html') return;
    }
    if (node.type === 'Literal' && typeof node.value === 'string') check(node.value, node.start, ancestors, false);
    if (node.type === 'TemplateElement') {
      const parent = ancestors[ancestors.length - 1];
      const grand = ancestors[ancestors.length - 2];
      const inHtml = grand?.type === 'TaggedTemplateExpression' && parent?.type === 'TemplateLiteral';
      const value = node.value as { cooked: string | null; raw: string };
      check(value.cooked ?? value.raw, node.start, ancestors, inHtml);
    }
    const next = [...ancestors, node];
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type' || key === 'start' || key === 'end') continue;
      if (Array.isArray(value)) for (const v of value) if (isNode(v)) walk(v, next);
      if (isNode(value)) walk(value, next);
    }
  };
  walk(program, []);
  return found;
}

/** Every .ts file under `folder`. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

export const scanFolder = (folder: string): Finding[] => sourceFiles(folder).flatMap((f) => scanSource(f, readFileSync(f, 'utf8')));
