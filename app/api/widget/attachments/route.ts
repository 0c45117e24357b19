import { postVisitorImage, CHAT_IMAGE_MAX_BYTES } from "@/lib/channels/chat/visitor-images";
import { json, readBodyBytes, route } from "@/lib/gateway/route";
import { blobStore } from "@/lib/storage/store";

/** The image is the body (any declared type: the bytes decide); its name may come in X-Filename. */
export const POST = route(
  { policy: "visitor", summary: "Send an image in the chat (the body)" },
  async ({ db, caller, req }) => {
    const bytes = Buffer.from(await readBodyBytes(req, CHAT_IMAGE_MAX_BYTES));
    const filename = decodeURIComponent(req.headers.get("x-filename") ?? "").slice(0, 200) || undefined;
    return json(await postVisitorImage(db, blobStore(), caller, bytes, filename), 201);
  },
);
