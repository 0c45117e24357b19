import "server-only";
import { env } from "../env";
import { type BlobStore, localDiskStore } from "./blob-store";

const shared = globalThis as unknown as { __omnideskBlobStore?: BlobStore };

/** The configured store: local disk under STORAGE_DIR. */
export function blobStore(): BlobStore {
  return (shared.__omnideskBlobStore ??= localDiskStore(env().STORAGE_DIR));
}
