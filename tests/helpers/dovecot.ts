// A real IMAP server for the tests: Debian's Dovecot with a throw-away
// configuration (plain IMAP on a loopback port, one static password, maildirs
// in a temp directory), started and restarted by the test itself.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

const DOVECOT = "/usr/sbin/dovecot";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startDovecot(): Promise<Dovecot> {
  if (!existsSync(DOVECOT)) throw new Error("Dovecot is not installed: apt-get install -y dovecot-imapd");
  const dir = mkdtempSync(path.join(tmpdir(), "omnidesk-dovecot-"));
  const port = await freePort();
  // Dovecot refuses to run its login and mail processes as root: as root, use the package's own users.
  const asRoot = userInfo().uid === 0;
  const ids = (name: string) => ({
    uid: Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim()),
  });
  const me = asRoot
    ? { username: "dovecot", ...ids("dovecot") }
    : { username: userInfo().username, uid: userInfo().uid, gid: userInfo().gid };
  const loginUser = asRoot ? "dovenull" : me.username;
  for (const d of ["run", "state", "home"]) mkdirSync(path.join(dir, d), { recursive: true });
  if (asRoot) {
    chmodSync(dir, 0o755); // mkdtemp makes it 0700: the mail user must pass through it
    chownSync(path.join(dir, "home"), me.uid, me.gid);
  }
  const config = path.join(dir, "dovecot.conf");
  writeFileSync(
    config,
    `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 0
first_valid_gid = 0
default_internal_user = ${me.username}
default_login_user = ${loginUser}
passdb {
  driver = static
  args = password=imap-test-password
}
userdb {
  driver = static
  args = uid=${me.uid} gid=${me.gid} home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
# Without inotify (sandboxes) Dovecot notices new mail on this timer; the default is 30 s.
mailbox_idle_check_interval = 1 secs
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`,
  );
  let child: ChildProcess | undefined;
  const waitForPort = async () => {
    for (let i = 0; i < 100; i++) {
      const up = await new Promise<boolean>((resolve) => {
        const s = connect(port, "127.0.0.1");
        s.once("connect", () => {
          s.destroy();
          resolve(true);
        });
        s.once("error", () => resolve(false));
      });
      if (up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`dovecot did not listen on ${port}`);
  };
  const server: Dovecot = {
    port,
    user: "agent@imap.test",
    password: "imap-test-password",
    async start() {
      // Its own process group: stopping it takes its imap processes (and so the clients' connections) too.
      child = spawn(DOVECOT, ["-F", "-c", config], { stdio: "ignore", detached: true });
      await waitForPort();
    },
    async stop() {
      if (!child) return;
      const exited = new Promise((r) => child!.once("exit", r));
      process.kill(-child.pid!, "SIGKILL");
      await exited;
      child = undefined;
    },
  };
  await server.start();
  return server;
}
