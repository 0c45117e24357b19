import iconv from "iconv-lite";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { guessCharset, withDeclaredCharsets } from "./charsets";

const bytes = (text: string, charset: string) => iconv.encode(text, charset);
const mime = (...parts: Buffer[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p)));
const ascii = (s: string) => Buffer.from(s, "latin1");

describe("guessing an undeclared charset", () => {
  it("leaves ASCII and UTF-8 alone", () => {
    expect(guessCharset(Buffer.from("plain"))).toBeUndefined();
    expect(guessCharset(Buffer.from("Grüße, 配送"))).toBeUndefined();
  });

  it("tries what the message declares elsewhere first", () => {
    expect(guessCharset(bytes("配送问题", "gbk"), ["gbk"])).toBe("gbk");
  });

  it("tells Japanese from Chinese without help", () => {
    expect(guessCharset(bytes("配送について", "shift_jis"))).toBe("shift_jis");
    expect(guessCharset(bytes("山田 太郎です", "euc-jp"))).toBe("euc-jp");
    expect(guessCharset(bytes("你好，我的订单没有到", "gbk"))).toBe("gb18030");
    expect(guessCharset(ascii("\x1b$BCmJ8\x1b(B"))).toBe("iso-2022-jp");
  });
});

describe("a message with undeclared charsets", () => {
  it("is parsed with its 8-bit headers read in the charset of its body", async () => {
    const raw = mime(
      ascii("From: a@example.com\r\nSubject: "),
      bytes("配送问题", "gbk"),
      ascii("\r\nContent-Type: text/plain; charset=gbk\r\n\r\n"),
      bytes("订单没有到", "gbk"),
    );
    const mail = await simpleParser(withDeclaredCharsets(raw));
    expect(mail.subject).toBe("配送问题");
    expect(mail.text?.trim()).toBe("订单没有到");
  });

  it("is parsed with a Shift_JIS sender name and no charset anywhere", async () => {
    const raw = mime(
      ascii('From: "'),
      bytes("山田 太郎", "shift_jis"),
      ascii('" <taro@example.jp>\r\nSubject: hi\r\n\r\nbody'),
    );
    expect((await simpleParser(withDeclaredCharsets(raw))).from?.value[0]?.name).toBe("山田 太郎");
  });

  it("gets an ISO-2022-JP body's charset when the Content-Type has none", async () => {
    const jis = ascii("\x1b$BCmJ8$7$?>&IJ$,FO$-$^$;$s\x1b(B");
    const raw = mime(ascii("From: a@example.jp\r\nSubject: x\r\nContent-Type: text/plain\r\n\r\n"), jis);
    expect((await simpleParser(withDeclaredCharsets(raw))).text?.trim()).toBe("注文した商品が届きません");
  });

  it("is returned as it is when everything is declared", () => {
    const raw = ascii("From: a@example.com\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\nGr\xfc\xdfe");
    expect(withDeclaredCharsets(raw)).toBe(raw);
  });
});
