// A readable rendering of the OpenAPI document (server component, no client JS).
import type { buildOpenApi } from "@/lib/gateway/openapi";

type Doc = ReturnType<typeof buildOpenApi>;
interface Operation {
  summary?: string;
  description: string;
  parameters: Array<{ name: string; in: string; required: boolean; schema: Record<string, unknown> }>;
  requestBody?: {
    content: Record<string, { schema: { properties?: Record<string, Record<string, unknown>>; required?: string[] } }>;
  };
}

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map(String).join(" | ");
  return String(schema.type ?? "any");
}

export function ApiDocs({ doc }: { doc: Doc }) {
  return (
    <main className="page api-docs">
      <h1>{doc.info.title}</h1>
      <p className="muted">
        Version {doc.info.version}. Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
        Errors are always <code>{"{ error: { code, message, details?, requestId } }"}</code> with a 4xx status.
      </p>
      {Object.entries(doc.paths).map(([path, methods]) =>
        Object.entries(methods as Record<string, Operation>).map(([method, op]) => {
          const contentType = op.requestBody ? Object.keys(op.requestBody.content)[0]! : undefined;
          const body = contentType ? op.requestBody!.content[contentType]!.schema : undefined;
          return (
            <section key={`${method} ${path}`} className="card api-op" aria-label={`${method.toUpperCase()} ${path}`}>
              <h2>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </h2>
              {op.summary && <p>{op.summary}</p>}
              <p className="muted">Who may call: {op.description}</p>
              {op.parameters.length > 0 && (
                <ul>
                  {op.parameters.map((p) => (
                    <li key={`${p.in}-${p.name}`}>
                      <code>{p.name}</code> ({p.in}, {typeOf(p.schema)}
                      {p.required ? ", required" : ""})
                    </li>
                  ))}
                </ul>
              )}
              {body?.properties && (
                <>
                  <p className="muted">Body ({contentType}):</p>
                  <ul>
                    {Object.entries(body.properties).map(([name, schema]) => (
                      <li key={name}>
                        <code>{name}</code>: {typeOf(schema)}
                        {body.required?.includes(name) ? " (required)" : ""}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          );
        }),
      )}
    </main>
  );
}
