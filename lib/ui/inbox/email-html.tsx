"use client";
import { useState } from "react";

/**
 * An email's (already sanitised) HTML, shown in a sandboxed frame: no scripts
 * may run in it (no allow-scripts, and a CSP that forbids them), its styles
 * cannot leak into the app, and remote images stay blocked until asked for.
 * Same-origin is allowed only so inline images (our attachment URLs) load with
 * the agent's cookie and the frame can be sized to its content.
 */
export function EmailHtml({ html }: { html: string }) {
  const [remoteImages, setRemoteImages] = useState(false);
  const [quoted, setQuoted] = useState(false);
  const [height, setHeight] = useState(80);
  const blockedImages = html.includes("data-remote-src=");
  const hasQuote = html.includes("<blockquote");
  const body = remoteImages ? html.replaceAll("data-remote-src=", "src=") : html;
  const csp = `default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:${remoteImages ? " https: http:" : ""}`;
  const doc = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><base target="_blank"><style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2933;word-wrap:break-word}
img{max-width:100%;height:auto}
blockquote{margin:0 0 0 .5rem;padding-left:.5rem;border-left:2px solid #d0d7de;color:#57606a}
${quoted ? "" : "blockquote{display:none}"}
</style></head><body>${body}</body></html>`;
  return (
    <div className="email-html">
      <iframe
        title="Email content"
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        srcDoc={doc}
        style={{ height }}
        onLoad={(e) => {
          const h = e.currentTarget.contentDocument?.documentElement.scrollHeight;
          if (h) setHeight(Math.min(h + 4, 2000));
        }}
      />
      <div className="email-actions">
        {hasQuote && (
          <button type="button" className="btn-link" onClick={() => setQuoted((q) => !q)}>
            {quoted ? "Hide quoted text" : "Show quoted text"}
          </button>
        )}
        {blockedImages && !remoteImages && (
          <button type="button" className="btn-link" onClick={() => setRemoteImages(true)}>
            Remote images are blocked — load them
          </button>
        )}
      </div>
    </div>
  );
}
