// What a V8 heap snapshot (.heapsnapshot, as `--heapsnapshot-signal` writes it) is made of: its size by
// kind of object, and the code (functions, their bytecode and closures) by the package it came from.
// Objects are not attributed to packages (that needs a dominator tree); code, strings and arrays are
// what a module-heavy app's heap mostly holds.
import { readFile } from 'node:fs/promises';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const MB = 1024 * 1024;

/** node_modules/<package> (scoped too), our own src/, node's own modules, or what else the script is called */
export function packageOf(url: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (/\/(dist|src)\/generated\/prisma\//.test(url)) return 'generated Prisma client';
  if (/\/(dist|src)\//.test(url)) return 'the app';
  if (url.startsWith('node:') || !url.includes('/')) return 'node itself';
  return url;
}

export async function heapSummary(file: string, top = 12): Promise<string[]> {
  const s = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
  const nf = s.snapshot.meta.node_fields;
  const ef = s.snapshot.meta.edge_fields;
  const nodeTypes = s.snapshot.meta.node_types[0];
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const N = nf.length;
  const E = ef.length;
  const [fType, fName, fSize, fEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f)) as [number, number, number, number];
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f)) as [number, number, number];
  const count = s.nodes.length / N;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += s.nodes[i * N + fEdges]! * E;
    firstEdge[i + 1] = e;
  }
  const type = (i: number) => nodeTypes[s.nodes[i * N + fType]!]!;
  const name = (i: number) => s.strings[s.nodes[i * N + fName]!]!;
  const size = (i: number) => s.nodes[i * N + fSize]!;
  /** the node an edge called `edge` leads to from node i */
  const follow = (i: number, edge: string): number | undefined => {
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += E) {
      const t = edgeTypes[s.edges[e + eType]!];
      if (t === 'element' || t === 'hidden') continue;
      if (s.strings[s.edges[e + eName]!] === edge) return s.edges[e + eTo]! / N;
    }
    return undefined;
  };

  let heap = 0;
  const byType = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const counted = new Uint8Array(count);
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (let i = 0; i < count; i++) {
    heap += size(i);
    add(byType, type(i), size(i));
  }
  // code by package: each closure's shared function info, its bytecode and the closure itself
  for (let i = 0; i < count; i++) {
    if (type(i) !== 'closure') continue;
    const shared = follow(i, 'shared');
    if (shared === undefined) continue;
    const script = follow(shared, 'script_or_debug_info') ?? follow(shared, 'script');
    const pkg = script === undefined ? 'node itself' : packageOf(name(script));
    for (const part of [i, shared, follow(shared, 'function_data')]) {
      if (part === undefined || counted[part]) continue;
      counted[part] = 1;
      add(byPackage, pkg, size(part));
    }
  }
  const rows = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${(v / MB).toFixed(1).padStart(6)} MB  ${k}`);
  return [
    `JavaScript heap in the snapshot: ${(heap / MB).toFixed(1)} MB`,
    'by kind of object:',
    ...rows(byType).map((r) => `  ${r}`),
    'functions (closures, shared infos, bytecode) by package:',
    ...rows(byPackage).map((r) => `  ${r}`),
  ];
}

if (process.argv[1]?.endsWith('heap-summary.ts') && process.argv[2]) {
  for (const line of await heapSummary(process.argv[2])) console.log(line);
}
