// The layer rule (docs/architecture.md): imports point down this list, never up.
// A module may import its own layer and any layer below it; tests are exempt
// (they drive the whole stack). `npm run lint` runs this after ESLint.
const LAYERS = [
  {
    name: "entry",
    what: "pages, route handlers, scripts and the process's composition root",
    path: "^(app|scripts|bench|e2e|tests)/|^(proxy|instrumentation)\\.ts$|^lib/runtime/",
  },
  { name: "edge", what: "the gateway, next-auth glue and the browser UI", path: "^lib/(gateway|auth|ui)/" },
  { name: "channels", what: "one folder per channel: adapters in, transports out", path: "^lib/channels/" },
  { name: "conversations", what: "the use cases: ingest, reply, update, merge, queries", path: "^lib/conversations/" },
  {
    name: "processes",
    what: "routing, assignment, SLAs, surveys, report counters, partner webhooks",
    path: "^lib/(automation|csat|reports|webhooks)/",
  },
  {
    name: "model",
    what: "customers, agents, sessions and API tokens",
    path: "^lib/(customers|users|sessions|tokens)/",
  },
  {
    name: "infrastructure",
    what: "database, jobs, storage, realtime, audit, system mail, time, env, log",
    path: "^lib/(db|jobs|storage|realtime|audit|system-mail|settings|crypto|time)/|^lib/(env|log|errors)\\.ts$",
  },
  { name: "shared", what: "words and schemas the browser and the server share", path: "^lib/shared/" },
];

const TESTS = "\\.test\\.tsx?$";

const upward = LAYERS.flatMap((from, i) =>
  LAYERS.slice(0, i).map((to) => ({
    name: `layer:${from.name}-imports-${to.name}`,
    comment: `${from.name} (${from.what}) must not import ${to.name} (${to.what}): layers point down (docs/architecture.md)`,
    severity: "error",
    from: { path: from.path, pathNot: TESTS },
    to: { path: to.path },
  })),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    {
      name: "ui-imports-server-code",
      comment:
        "lib/ui runs in the browser: it may import lib/shared and server modules' types (import type), never their code",
      severity: "error",
      from: { path: "^lib/ui/", pathNot: TESTS },
      to: { path: "^lib/", pathNot: "^lib/(ui|shared)/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "shared-imports-server-code",
      comment: "lib/shared is bundled for the browser: it imports only itself and npm packages",
      severity: "error",
      from: { path: "^lib/shared/" },
      to: { path: "^lib/", pathNot: "^lib/shared/" },
    },
    {
      name: "no-cycles",
      comment: "a file cycle means two modules need each other: what they share belongs lower down",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "unresolvable-import",
      comment: "an import the resolver cannot find would escape every other rule",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "lib-outside-the-layers",
      comment: "every folder of lib/ belongs to a layer: add a new one to LAYERS in .dependency-cruiser.cjs",
      severity: "error",
      from: { path: "^lib/", pathNot: LAYERS.map((l) => `(${l.path})`).join("|") },
      to: {},
    },
    {
      name: "lib-outside-the-layers",
      comment: "every folder of lib/ belongs to a layer: add a new one to LAYERS in .dependency-cruiser.cjs",
      severity: "error",
      from: {},
      to: { path: "^lib/", pathNot: LAYERS.map((l) => `(${l.path})`).join("|") },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|data|test-results)/|^lib/db/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    skipAnalysisNotInRules: false,
  },
};
