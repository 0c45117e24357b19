// The OpenAPI 3.1 document of the REST API, generated from the same zod schemas
// the route wrapper validates with, so the documentation cannot drift from the code.
import { z, type ZodType } from "zod";
import { requiredScope, type Policy } from "./policy";
import type { RouteHandler, RouteSpec } from "./route";

/** A route file: its URL path (with {param} segments) and the handlers it exports. */
export interface ApiRoute {
  path: string;
  methods: Partial<Record<string, RouteHandler>>;
}

/** Who may call: a session, or a bearer token with the scope the route needs (listed as the requirement's roles). */
function security(spec: RouteSpec<Policy, unknown, unknown, unknown>, method: string): Array<Record<string, string[]>> {
  if (spec.policy === "public") return [];
  if (spec.policy === "twilio") return [{ twilioSignature: [] }];
  if (spec.policy === "email-webhook") return [{ webhookSecret: [] }];
  if (spec.policy === "visitor") return [{ visitorToken: [] }];
  const scope = requiredScope(spec.policy, spec.scope, method);
  return scope && scope !== "session" ? [{ session: [] }, { bearer: [scope] }] : [{ session: [] }];
}

const WHO: Record<Policy, string> = {
  public: "Anyone.",
  "signed-in": "Anyone signed in (customer, agent or admin).",
  customer: "A signed-in customer; only their own data.",
  agent: "A signed-in agent or admin.",
  admin: "A signed-in admin.",
  twilio: "Twilio only: requests must carry a valid X-Twilio-Signature.",
  "email-webhook": "The inbound-mail forwarder: X-Webhook-Secret must equal EMAIL_WEBHOOK_SECRET.",
  visitor: "A chat widget visitor: Authorization: Visitor <token> from POST /api/widget/session.",
};

function jsonSchema(schema: ZodType): Record<string, unknown> {
  // Request schemas are documented as the client sends them (before transforms and defaults).
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
}

function parameters(schema: ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const s = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (s.required ?? []).includes(name),
    schema: property,
  }));
}

const ERROR_RESPONSE = {
  description: "An error: `{ error: { code, message, details?, requestId } }`",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

export const API_INFO = { title: "Omnidesk API", version: "0.1.0" };

export function buildOpenApi(routes: ApiRoute[], info = API_INFO) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    for (const [method, handler] of Object.entries(route.methods)) {
      if (!handler) continue;
      const { spec } = handler;
      const formBody = spec.policy === "twilio";
      paths[route.path] ??= {};
      paths[route.path]![method.toLowerCase()] = {
        summary: spec.summary,
        description: WHO[spec.policy],
        security: security(spec, method),
        parameters: [...parameters(spec.params, "path"), ...parameters(spec.query, "query")],
        ...(spec.body
          ? {
              requestBody: {
                required: true,
                content: {
                  [formBody ? "application/x-www-form-urlencoded" : "application/json"]: {
                    schema: jsonSchema(spec.body),
                  },
                },
              },
            }
          : {}),
        responses: {
          "2XX": { description: formBody ? "TwiML (text/xml) or no content" : "Success (JSON)" },
          "4XX": ERROR_RESPONSE,
        },
      };
    }
  }
  return {
    openapi: "3.1.0",
    info,
    paths,
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The session cookie set by sign-in",
        },
        visitorToken: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description: "`Visitor <token>`: the chat widget's visitor token from POST /api/widget/session",
        },
        bearer: {
          type: "http",
          scheme: "bearer",
          description:
            "An API token (`odk_…`) created at /settings/tokens or POST /api/tokens; the route's scope is listed in the requirement",
        },
        twilioSignature: { type: "apiKey", in: "header", name: "X-Twilio-Signature" },
        webhookSecret: { type: "apiKey", in: "header", name: "X-Webhook-Secret" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                details: {},
                requestId: { type: "string" },
              },
            },
          },
        },
      },
    },
  };
}
