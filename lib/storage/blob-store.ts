// Where bytes live (raw emails, attachments): a small interface so a bucket can
// replace the local disk later. Keys are content hashes, so storing the same
// bytes twice (a retried delivery) keeps one copy.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";

export interface BlobStore {
  put(bytes: Uint8Array, extension?: string): Promise<string>;
  /** null when the key is unknown */
  get(key: string): Promise<Buffer | null>;
}

const KEY = /^[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/;

export function localDiskStore(dir: string): BlobStore {
  const file = (key: string) => {
    if (!KEY.test(key)) throw new Error(`not a blob key: ${key}`);
    return path.join(dir, key.slice(0, 2), key);
  };
  return {
    async put(bytes, extension) {
      const ext = extension
        ?.toLowerCase()
        .replace(/[^a-z0-9]/g, "")
        .slice(0, 10);
      const key = createHash("sha256").update(bytes).digest("hex") + (ext ? `.${ext}` : "");
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Write, fsync, rename, fsync the folder: a crash never leaves a half-written blob under its key,
      // and once put() returns (and the sender is told "stored") a power loss cannot take the blob back.
      // Each put has its own temporary name: the same bytes put twice at once both succeed (rename
      // replaces the other's identical file).
      const temp = `${target}.${randomUUID()}.tmp`;
      try {
        await writeDurably(temp, bytes);
        await rename(temp, target);
      } catch (err) {
        await unlink(temp).catch(() => undefined);
        throw err;
      }
      await syncFolder(path.dirname(target));
      return key;
    },
    async get(key) {
      if (!KEY.test(key)) return null;
      try {
        return await readFile(file(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
  };
}

async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, "wx");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename in `dir` durable (the folder's entry is what a crash would lose). */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
