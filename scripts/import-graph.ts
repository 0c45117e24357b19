// The import graph, as the layer rule sees it: `npm run graph`
// prints what docs/architecture.md reports (folder pairs importing both ways,
// imports running up the layers, file cycles, the largest modules). The
// architecture test uses the same functions.
import { readFileSync } from "node:fs";
import path from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

export const TREE = ["app", "lib", "scripts", "bench", "e2e", "tests", "proxy.ts", "instrumentation.ts"];
const TESTS = /\.test\.tsx?$/;

/** Cruises `paths` under `baseDir` with the project's rules; returns dependency-cruiser's result. */
export async function cruiseTree(paths = TREE, baseDir = process.cwd()): Promise<ICruiseResult> {
  const root = path.resolve(import.meta.dirname, "..");
  const options = await extractDepcruiseOptions(path.join(root, ".dependency-cruiser.cjs"));
  const tsConfig = extractTSConfig(path.join(root, "tsconfig.json"));
  const cwd = process.cwd();
  process.chdir(baseDir);
  try {
    const { output } = await cruise(
      paths,
      { ...options, baseDir, outputType: "json", tsConfig: { fileName: path.join(root, "tsconfig.json") } },
      {},
      { tsConfig },
    );
    return typeof output === "string" ? (JSON.parse(output) as ICruiseResult) : output;
  } finally {
    process.chdir(cwd);
  }
}

/** lib/<folder> (lib/channels/<channel>), lib/<file> for lib's own files, else the top folder. */
export function folderOf(file: string): string {
  const parts = file.split("/");
  if (parts[0] !== "lib") return parts[0];
  if (parts.length === 2) return `lib/${parts[1].replace(/\.tsx?$/, "")}`;
  if (parts[1] === "channels" && parts.length > 3) return `lib/channels/${parts[2]}`;
  return `lib/${parts[1]}`;
}

/** Folder → folders it imports, from non-test modules. */
export function folderGraph(result: ICruiseResult): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const m of result.modules) {
    if (TESTS.test(m.source) || m.source.includes("node_modules")) continue;
    for (const d of m.dependencies) {
      if (d.coreModule || d.couldNotResolve || d.resolved.includes("node_modules")) continue;
      const [a, b] = [folderOf(m.source), folderOf(d.resolved)];
      if (a === b) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
    }
  }
  return graph;
}

/** Pairs of lib/ folders that import each other. */
export function pairsBothWays(graph: Map<string, Set<string>>): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [a, targets] of graph)
    for (const b of targets) if (a < b && a.startsWith("lib/") && graph.get(b)?.has(a)) pairs.push([a, b]);
  return pairs;
}

export function figures(result: ICruiseResult) {
  const graph = folderGraph(result);
  const violations = result.summary.violations;
  const byRule = (prefix: string) => violations.filter((v) => v.rule.name.startsWith(prefix));
  const largest = result.modules
    .filter((m) => /^(app|lib)\/.*\.tsx?$/.test(m.source) && !TESTS.test(m.source))
    .map((m) => ({ file: m.source, lines: readFileSync(m.source, "utf8").split("\n").length }))
    .sort((a, b) => b.lines - a.lines)
    .slice(0, 8);
  return {
    modules: result.summary.totalCruised,
    folderArrows: [...graph.values()].reduce((n, s) => n + s.size, 0),
    pairsBothWays: pairsBothWays(graph),
    upwardImports: byRule("layer:").length,
    cycles: byRule("no-cycles").length,
    violations: violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`),
    largest,
  };
}

if (import.meta.url === `file://${path.resolve(process.argv[1] ?? "")}`) {
  const f = figures(await cruiseTree());
  console.log(`modules cruised:              ${f.modules}`);
  console.log(`folder-to-folder arrows:      ${f.folderArrows}`);
  console.log(`folder pairs both ways:       ${f.pairsBothWays.length}`);
  for (const [a, b] of f.pairsBothWays) console.log(`  ${a} ⇄ ${b}`);
  console.log(`imports running up a layer:   ${f.upwardImports}`);
  console.log(`file cycles:                  ${f.cycles}`);
  for (const v of f.violations) console.log(`  ${v}`);
  console.log("largest modules (lines):");
  for (const l of f.largest) console.log(`  ${String(l.lines).padStart(5)}  ${l.file}`);
}
