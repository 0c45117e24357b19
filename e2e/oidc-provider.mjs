// A real, certified OpenID Connect provider (oidc-provider) on loopback for the
// SSO journeys. Its dev login form accepts any login; the login becomes `sub`.
import Provider from "oidc-provider";

const port = Number(process.env.E2E_OIDC_PORT ?? 3199);
const appUrl = process.env.E2E_APP_URL ?? "http://127.0.0.1:3100";

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: "omnidesk-e2e",
      client_secret: "e2e-only-client-secret",
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  // Put email and name in the ID token itself, as Keycloak, Entra ID and Okta do.
  conformIdTokenClaims: false,
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        // Group membership by login prefix, for the role-mapping journeys.
        const groups = id.startsWith("admin")
          ? ["staff", "helpdesk-admins"]
          : id.startsWith("jane") || id.startsWith("agent")
            ? ["staff", "helpdesk-agents"]
            : id.startsWith("cust")
              ? ["helpdesk-customers"]
              : ["staff"];
        return { sub: id, email: `${id}@sso.test`, email_verified: true, name: `SSO ${id}`, groups };
      },
    };
  },
  pkce: { required: () => true },
  cookies: { keys: ["e2e-only-cookie-key"] },
  features: { devInteractions: { enabled: true } },
});

provider.listen(port, "127.0.0.1", () => console.log(`oidc-provider listening on http://127.0.0.1:${port}`));
