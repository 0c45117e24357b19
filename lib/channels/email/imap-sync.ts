// Fetches one IMAP mailbox: everything after the last UID it stored, then waits
// with IDLE (or polls, for servers without it) and fetches again on news. Each
// message is handed to acceptRawEmail (stored and queued once per Message-ID)
// before its UID is recorded, so a crash re-fetches rather than loses. Errors
// and disconnects are recorded on the mailbox — admins see a mailbox that stops
// syncing — and the session is retried with backoff.
import { ImapFlow } from "imapflow";
import type { Db } from "../../db/client";
import { log } from "../../log";
import type { BlobStore } from "../../storage/blob-store";
import { acceptRawEmail } from "./accept";
import { open } from "../../crypto/secret-box";

export interface SyncOptions {
  secret: string;
  /** called after new mail was queued (wake the worker) */
  onQueued?: () => void;
  /** poll interval for servers without IDLE */
  pollMs?: number;
  /** first reconnect delay; doubles up to maxBackoffMs */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export class MailboxSync {
  private stopped = false;
  private client: ImapFlow | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly store: BlobStore,
    readonly mailboxId: string,
    private readonly opts: SyncOptions,
  ) {}

  /** Runs until stop(): one session after another, with backoff after failures. */
  async run(): Promise<void> {
    let backoff = this.opts.backoffMs ?? 1_000;
    while (!this.stopped) {
      const started = Date.now();
      try {
        await this.session();
      } catch (err) {
        if (this.stopped) break;
        const message = err instanceof Error ? err.message : String(err);
        log.warn("IMAP session ended; reconnecting", { mailboxId: this.mailboxId, err: message, inMs: backoff });
        await this.db.mailbox
          .updateMany({
            where: { id: this.mailboxId },
            data: { lastError: message.slice(0, 500), lastErrorAt: new Date() },
          })
          .catch(() => undefined);
      }
      if (this.stopped) break;
      // A session that lasted a while was healthy: start the backoff over.
      if (Date.now() - started > 60_000) backoff = this.opts.backoffMs ?? 1_000;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, backoff);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      backoff = Math.min(backoff * 2, this.opts.maxBackoffMs ?? 300_000);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.client?.logout().catch(() => this.client?.close());
  }

  private async session(): Promise<void> {
    const mailbox = await this.db.mailbox.findUnique({ where: { id: this.mailboxId } });
    if (!mailbox || !mailbox.enabled) {
      this.stopped = true;
      return;
    }
    const client = new ImapFlow({
      host: mailbox.host,
      port: mailbox.port,
      secure: mailbox.secure,
      auth: { user: mailbox.username, pass: open(mailbox.passwordEnc, this.opts.secret) },
      logger: false,
      // Start IDLE a second after the last command (imapflow waits 15 s by default): new mail shows at once.
      autoIdleDelay: 1_000,
      // Plain IMAP (port 143) is for local servers and tests; never upgrade to a half-checked TLS.
      doSTARTTLS: mailbox.secure ? undefined : false,
    });
    this.client = client;
    const ended = new Promise<never>((_, reject) => {
      client.on("close", () => reject(new Error("connection closed")));
      client.on("error", (err: Error) => reject(err));
    });
    ended.catch(() => undefined);
    await Promise.race([client.connect(), ended]);
    // Hold the folder's lock only while fetching: imapflow idles only when no lock is held.
    const locked = async <T>(work: () => Promise<T>): Promise<T> => {
      const lock = await client.getMailboxLock(mailbox.folder);
      try {
        return await work();
      } finally {
        lock.release();
      }
    };
    let lastUid = mailbox.lastUid;
    await locked(async () => {
      const uidValidity = String(client.mailbox === false ? "" : client.mailbox.uidValidity);
      if (mailbox.uidValidity !== uidValidity) {
        // UIDs restarted (or first sync): fetch everything; Message-IDs keep it from storing twice.
        lastUid = 0;
        await this.db.mailbox.update({ where: { id: mailbox.id }, data: { uidValidity, lastUid: 0 } });
      }
    });
    let chain = Promise.resolve();
    const fetchNew = () => {
      chain = chain.then(() =>
        locked(async () => {
          lastUid = await this.fetchAfter(client, mailbox.id, lastUid);
        }),
      );
      return chain;
    };
    await fetchNew();
    if (client.capabilities.has("IDLE")) {
      // imapflow idles on its own between commands; the server tells us about new mail.
      client.on("exists", () => void fetchNew().catch((err) => client.emit("error", err)));
      await ended;
    } else {
      for (;;) {
        await Promise.race([new Promise((r) => setTimeout(r, this.opts.pollMs ?? 60_000)), ended]);
        await client.noop();
        await fetchNew();
      }
    }
  }

  private async fetchAfter(client: ImapFlow, mailboxId: string, lastUid: number): Promise<number> {
    let stored = 0;
    for await (const msg of client.fetch(`${lastUid + 1}:*`, { uid: true, source: true }, { uid: true })) {
      // "n:*" always includes the highest UID, even when it is older than n.
      if (msg.uid <= lastUid || !msg.source) continue;
      await acceptRawEmail(this.db, this.store, msg.source, { source: "imap" });
      lastUid = msg.uid;
      stored++;
      await this.db.mailbox.update({ where: { id: mailboxId }, data: { lastUid } });
    }
    await this.db.mailbox.update({
      where: { id: mailboxId },
      data: { lastSyncAt: new Date(), lastError: null, lastErrorAt: null },
    });
    if (stored) this.opts.onQueued?.();
    return lastUid;
  }
}

/** Keeps one MailboxSync per enabled mailbox, following admins' changes. */
export class MailboxSupervisor {
  private running = new Map<string, MailboxSync>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly store: BlobStore,
    private readonly opts: SyncOptions & { refreshMs?: number },
  ) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(
      () => void this.refresh().catch((err) => log.error("mailbox refresh failed", { err })),
      this.opts.refreshMs ?? 15_000,
    );
    this.timer.unref();
  }

  async refresh(): Promise<void> {
    const enabled = await this.db.mailbox.findMany({ where: { enabled: true }, select: { id: true } });
    const wanted = new Set(enabled.map((m) => m.id));
    for (const [id, sync] of this.running) {
      if (!wanted.has(id)) {
        this.running.delete(id);
        await sync.stop();
      }
    }
    for (const id of wanted) {
      if (this.running.has(id)) continue;
      const sync = new MailboxSync(this.db, this.store, id, this.opts);
      this.running.set(id, sync);
      void sync.run().finally(() => {
        if (this.running.get(id) === sync) this.running.delete(id);
      });
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all([...this.running.values()].map((s) => s.stop()));
    this.running.clear();
  }
}
