import { describe, expect, it } from "vitest";
import { sanitizeEmailHtml, withRemoteImages } from "./sanitize-html";

const KEY = `${"ab".repeat(32)}.png`;

describe("sanitising email HTML", () => {
  it("drops relative image sources, which would load from the helpdesk's own origin with the agent's cookies", () => {
    const html = sanitizeEmailHtml(
      '<img src="/api/me" alt="a"><img src="logo.png" alt="b"><img src="../api/sessions" alt="c"><img src="//evil.example/t.gif" alt="d">',
    );
    expect(html).not.toMatch(/src=/);
    expect(html).toContain('alt="a"');
  });

  it("drops relative links: they point nowhere the sender meant, and somewhere in the helpdesk", () => {
    const html = sanitizeEmailHtml('<a href="/api/tokens">see</a> <a href="https://example.com/x">ok</a>');
    expect(html).not.toContain("/api/tokens");
    expect(html).toContain(">see</a>");
    expect(html).toContain('<a href="https://example.com/x" target="_blank" rel="noopener noreferrer nofollow">ok</a>');
  });

  it("keeps inline images pointed at our stored attachment, when stored and when shown again", () => {
    const stored = sanitizeEmailHtml('<img src="cid:logo@x">', {
      inlineImages: { "logo@x": `/api/attachments/${KEY}` },
    });
    expect(stored).toBe(`<img src="/api/attachments/${KEY}" />`);
    expect(sanitizeEmailHtml(stored)).toBe(stored);
    expect(withRemoteImages(stored)).toBe(stored);
  });

  it("holds remote images back until asked", () => {
    const stored = sanitizeEmailHtml('<img src="https://tracker.example/open.gif">');
    expect(stored).toBe('<img data-remote-src="https://tracker.example/open.gif" />');
    expect(withRemoteImages(stored)).toMatch(/ src="https:\/\/tracker\.example\/open\.gif"/);
  });
});
