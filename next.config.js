// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon, pg has optional native bits and twilio is a
  // large CommonJS SDK: load them
  // from node_modules at run time instead of bundling.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "twilio"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      // Nothing may be framed but the chat widget's page, whose CSP names the sites allowed to (proxy.ts).
      { source: "/((?!widget/).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ];
  },
};

export default nextConfig;
