/* Omnidesk chat loader. Embed with:
 *   <script src="https://desk.example.com/widget.js" data-site="SITE_KEY" async></script>
 * It adds a launcher button and an iframe served by the helpdesk: the chat runs
 * inside the frame, where the host page's CSS and scripts cannot reach it. */
(function () {
  var script = document.currentScript;
  if (!script || window.__omnideskWidget) return;
  window.__omnideskWidget = true;
  var site = script.getAttribute("data-site") || "";
  var base = new URL(script.src).origin;
  var openKey = "omnidesk-widget-open:" + site;

  var host = document.createElement("div");
  // A shadow root keeps the host page's styles off the launcher.
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  var style = document.createElement("style");
  style.textContent =
    ":host{all:initial}" +
    ".launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;" +
    "background:#1f4ed8;color:#fff;font:600 22px/56px system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483646}" +
    ".badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;border-radius:10px;background:#dc2626;color:#fff;" +
    "font:600 12px/20px system-ui,sans-serif;text-align:center;padding:0 5px;box-sizing:border-box}" +
    ".badge[hidden]{display:none}" +
    "iframe{position:fixed;right:20px;bottom:88px;width:370px;height:560px;max-width:calc(100vw - 40px);max-height:calc(100vh - 108px);" +
    "border:0;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);background:#fff;z-index:2147483647}" +
    "iframe[hidden]{display:none}";
  var button = document.createElement("button");
  button.className = "launcher";
  button.type = "button";
  button.setAttribute("aria-label", "Open chat");
  button.textContent = "💬";
  var badge = document.createElement("span");
  badge.className = "badge";
  badge.hidden = true;
  badge.setAttribute("data-testid", "omnidesk-unread");
  button.appendChild(badge);
  var frame = document.createElement("iframe");
  frame.title = "Chat with us";
  frame.hidden = true;
  var query = "?host=" + encodeURIComponent(location.href);
  // A signed-in user of this site, signed by its server (data-user-id, -email, -name, -hash).
  ["id", "email", "name", "hash"].forEach(function (k) {
    var v = script.getAttribute("data-user-" + k);
    if (v) query += "&user_" + k + "=" + encodeURIComponent(v);
  });
  frame.src = base + "/widget/" + encodeURIComponent(site) + query;
  root.appendChild(style);
  root.appendChild(frame);
  root.appendChild(button);

  function setOpen(open) {
    frame.hidden = !open;
    button.setAttribute("aria-label", open ? "Close chat" : "Open chat");
    button.setAttribute("aria-expanded", String(open));
    try {
      localStorage.setItem(openKey, open ? "1" : "0");
    } catch {
      /* storage may be off */
    }
    if (open) {
      badge.hidden = true;
      frame.focus();
    }
  }
  button.addEventListener("click", function () {
    setOpen(frame.hidden);
  });
  window.addEventListener("message", function (event) {
    if (event.origin !== base || !event.data || event.data.type !== "omnidesk:unread") return;
    var n = Number(event.data.count) || 0;
    badge.textContent = String(n);
    badge.hidden = n === 0 || !frame.hidden;
  });
  var wasOpen = false;
  try {
    wasOpen = localStorage.getItem(openKey) === "1";
  } catch {
    /* storage may be off */
  }
  function mount() {
    document.body.appendChild(host);
    setOpen(wasOpen);
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
