// Mail that does not say its charset. Old and regional clients send raw 8-bit
// header text (a GBK subject, a Shift_JIS name) and text bodies without a
// charset parameter (ISO-2022-JP is 7-bit escape sequences). Read as UTF-8 they
// become U+FFFD or escape codes; this finds the charset first — what the same
// message declares elsewhere, else detection — and hands the parser a message
// that says it. The stored raw source is never changed.
import chardet from "chardet";
import Encoding from "encoding-japanese";
import iconv from "iconv-lite";
import { headerEnd } from "./raw-headers";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const isUtf8 = (bytes: Uint8Array) => {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
};
const hasHighBytes = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);
/** ESC $ B, ESC $ @, ESC ( J …: ISO-2022-JP's shifts. */
const hasJisEscapes = (bytes: Uint8Array) => /\x1b[$(][@BJ]/.test(Buffer.from(bytes).toString("latin1"));
const KANA = /[\u3040-\u30ff]/;

/** A decoding that could be right: it exists, and nothing came out as U+FFFD. */
function decodesCleanly(bytes: Uint8Array, charset: string): string | undefined {
  if (!iconv.encodingExists(charset)) return undefined;
  const text = iconv.decode(Buffer.from(bytes), charset);
  return text.includes("\ufffd") ? undefined : text;
}

/** The charset these bytes are most likely in, trying what the message declares elsewhere first. */
export function guessCharset(bytes: Uint8Array, declared: string[] = []): string | undefined {
  if (hasJisEscapes(bytes) && !hasHighBytes(bytes)) return "iso-2022-jp";
  if (!hasHighBytes(bytes) || isUtf8(bytes)) return undefined;
  for (const charset of declared) if (decodesCleanly(bytes, charset)) return charset;
  // Japanese encodings are told apart well by their own detector; EUC-JP and GBK share byte ranges, and
  // Japanese text almost always has kana where Chinese has none.
  const japanese = Encoding.detect(bytes);
  if (japanese === "SJIS") return "shift_jis";
  if (japanese === "EUCJP") {
    const asJapanese = decodesCleanly(bytes, "euc-jp");
    if (asJapanese && KANA.test(asJapanese)) return "euc-jp";
    if (decodesCleanly(bytes, "gb18030")) return "gb18030";
  }
  const detected = chardet.detect(bytes);
  return detected && decodesCleanly(bytes, detected) !== undefined ? detected.toLowerCase() : "windows-1252";
}

/** Charsets the message declares anywhere (its parts' Content-Type), for its undeclared bits. */
function declaredCharsets(raw: Buffer): string[] {
  const found = [...raw.toString("latin1").matchAll(/charset\s*=\s*"?([\w.:-]{2,40})/gi)].map((m) =>
    m[1]!.toLowerCase(),
  );
  return [...new Set(found)].filter((c) => !["us-ascii", "utf-8", "utf8"].includes(c));
}

function splitHead(raw: Buffer): { head: Buffer; rest: Buffer } {
  const end = headerEnd(raw);
  return end === -1 ? { head: raw, rest: Buffer.alloc(0) } : { head: raw.subarray(0, end), rest: raw.subarray(end) };
}

/**
 * The message as the parser should see it: 8-bit header text re-encoded as UTF-8, and a single-part
 * text body without a charset parameter given the one it is in. Unchanged when nothing is undeclared.
 */
export function withDeclaredCharsets(raw: Buffer): Buffer {
  const { head, rest } = splitHead(raw);
  let headText: string | undefined;
  const headCharset = guessCharset(head, declaredCharsets(raw));
  if (headCharset && headCharset !== "iso-2022-jp") headText = iconv.decode(head, headCharset);

  const headLatin1 = head.toString("latin1");
  const contentType = /^content-type:[ \t]*([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)/im.exec(headLatin1);
  const isText = !contentType || /^\s*text\//i.test(contentType[1]!);
  const encoded = /^content-transfer-encoding:[ \t]*(base64|quoted-printable)/im.test(headLatin1);
  const bodyCharset =
    isText && !encoded && !/charset\s*=/i.test(contentType?.[1] ?? "") ? guessCharset(rest) : undefined;
  if (!headText && !bodyCharset) return raw;

  let out = headText ?? headLatin1;
  if (bodyCharset) {
    out = contentType
      ? out.replace(/^(content-type:[^\r\n]*)/im, `$1; charset=${bodyCharset}`)
      : `${out}\r\nContent-Type: text/plain; charset=${bodyCharset}`;
  }
  return Buffer.concat([Buffer.from(out, headText ? "utf8" : "latin1"), rest]);
}
