import twilio from "twilio";
import type { Prompt } from "../../shared/ivr-config";

export type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;
export interface Voice {
  voice: string;
  language: string;
}

export const newVoiceResponse = (): VoiceResponse => new twilio.twiml.VoiceResponse();

export function twimlResponse(twiml: string | VoiceResponse): Response {
  return new Response(typeof twiml === "string" ? twiml : twiml.toString(), {
    headers: { "content-type": "text/xml; charset=utf-8" },
  });
}

/** Says or plays a prompt; an empty prompt adds nothing. Works on a response or inside a <Gather>. */
export function speak(target: Pick<VoiceResponse, "say" | "play">, voice: Voice, prompt: Prompt | string): void {
  const p = typeof prompt === "string" ? { say: prompt } : prompt;
  if (p.playUrl) target.play({}, p.playUrl);
  else if (p.say) target.say({ voice: voice.voice as never, language: voice.language as never }, p.say);
}
