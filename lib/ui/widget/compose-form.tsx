"use client";
// The visitor's message box: the pre-chat name and email where they are asked
// for, Enter to send (Shift+Enter for a new line), and an image button.
import { type FormEvent, useState } from "react";
import { FormError } from "../shared/states";
import { useVisitorMessages } from "./use-visitor-messages";
import { errorText } from "./widget-api";

export function ComposeForm({
  siteKey,
  token,
  hasConversation,
  needPreChat,
}: {
  siteKey: string;
  token: string;
  hasConversation: boolean;
  needPreChat: boolean;
}) {
  const [text, setText] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const { sendMessage, sendImage, reportTyping } = useVisitorMessages(siteKey, token, hasConversation);
  const sending = sendMessage.isPending || sendImage.isPending;
  const error = sendMessage.error
    ? errorText(sendMessage.error, "Your message was not sent. Try again.")
    : sendImage.error
      ? errorText(sendImage.error, "The image was not sent. Try again.")
      : "";

  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    sendImage.reset();
    sendMessage.mutate(
      {
        body: text,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
      },
      { onSuccess: () => setText("") },
    );
  };

  return (
    <form className="widget-form" onSubmit={send}>
      {needPreChat && (
        <>
          <input
            aria-label="Your name"
            placeholder="Your name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={200}
          />
          <input
            aria-label="Your email"
            type="email"
            placeholder="Your email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </>
      )}
      <FormError message={error} />
      <div className="widget-compose">
        <textarea
          aria-label="Your message"
          placeholder="Type your message…"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            reportTyping(true);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          rows={2}
        />
        <label className="btn widget-attach" title="Send an image">
          <span aria-hidden="true">🖼</span>
          <input
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            aria-label="Send an image"
            className="sr-only"
            disabled={sending || needPreChat}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (!file) return;
              sendMessage.reset();
              sendImage.mutate(file);
            }}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={sending || !text.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}
