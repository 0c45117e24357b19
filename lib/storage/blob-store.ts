// Where bytes live (raw emails, attachments): a small interface so a bucket can
// replace the local disk later. Keys are content hashes, so storing the same
// bytes twice (a retried delivery) keeps one copy.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
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
      // Write then rename: a crash never leaves a half-written blob under its key.
      const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, target);
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
